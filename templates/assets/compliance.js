// congkhai: the TT 09 pages against the reader's date. The built pages carry deadlines and
// publication dates only (the build reads no clock); this script, in the reader's browser,
// marks missing items whose deadline has passed, the round the reader's date falls in, and
// filters the progress table. Without it the pages show every deadline and every row.
(function () {
  'use strict';
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  var now = new Date();
  var today = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
  var todayText = pad(now.getDate()) + '/' + pad(now.getMonth() + 1) + '/' + now.getFullYear();

  // Missing items past their deadline.
  var overdue = 0;
  Array.prototype.forEach.call(document.querySelectorAll('.checklist-item[data-status="not-published"][data-deadline]'), function (item) {
    if (item.getAttribute('data-deadline') < today) {
      var mark = item.querySelector('.overdue');
      if (mark) { mark.textContent = ' – đã quá hạn'; overdue += 1; }
    }
  });
  var note = document.querySelector('.overdue-note');
  if (note && overdue > 0) {
    note.textContent = 'Theo ngày ' + todayText + ' trên máy của bạn, ' + overdue + ' mục chưa có trên cổng đã quá hạn.';
    note.hidden = false;
  }

  // The round the reader's date falls in: from 1 July to 30 June.
  Array.prototype.forEach.call(document.querySelectorAll('a[data-round-start][data-round-deadline]'), function (link) {
    if (link.getAttribute('data-round-start') <= today && today <= link.getAttribute('data-round-deadline')) {
      link.classList.add('current-round');
      var label = document.createElement('span');
      label.className = 'current-round-label';
      label.textContent = ' (đợt hiện tại)';
      link.appendChild(label);
    }
  });

  // The progress table's filters.
  var form = document.querySelector('.progress-filters');
  var table = document.querySelector('table.progress');
  if (!form || !table) { return; }
  form.hidden = false;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var totals = table.tFoot ? table.tFoot.querySelectorAll('[data-total]') : [];
  var count = form.querySelector('.filter-count');
  function apply() {
    var kind = form.elements['loai'] ? form.elements['loai'].value : '';
    var parent = form.elements['truc-thuoc'] ? form.elements['truc-thuoc'].value : '';
    var sums = [];
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (!kind || row.getAttribute('data-kind') === kind) && (!parent || row.getAttribute('data-parent') === parent);
      row.hidden = !visible;
      if (!visible) { return; }
      shown += 1;
      Array.prototype.forEach.call(row.querySelectorAll('td[data-counted]'), function (cell, index) {
        sums[index] = sums[index] || [0, 0];
        sums[index][0] += Number(cell.getAttribute('data-disclosed') || 0);
        sums[index][1] += Number(cell.getAttribute('data-counted') || 0);
      });
    });
    var overall = [0, 0];
    rows.forEach(function (row) {
      if (row.hidden) { return; }
      overall[0] += Number(row.getAttribute('data-disclosed'));
      overall[1] += Number(row.getAttribute('data-counted'));
    });
    Array.prototype.forEach.call(totals, function (cell, index) {
      var sum = index === totals.length - 1 ? overall : (sums[index] || [0, 0]);
      cell.textContent = sum[0] + '/' + sum[1];
    });
    count.textContent = 'Đang hiện ' + shown + '/' + rows.length + ' đơn vị.';
  }
  form.addEventListener('change', apply);
  apply();
}());
