/* congkhai: the index of cited texts narrowed to one unit's and one level's. Each row names the
   units that cite it (data-units: their places in the form's list); a level is a section.
   Without script the form stays hidden and every text is listed. */
(function () {
  'use strict';
  var form = document.querySelector('.directive-filters');
  if (!form) { return; }
  form.hidden = false;
  var sections = Array.prototype.slice.call(document.querySelectorAll('section[data-level]'));
  var count = form.querySelector('.filter-count');
  function apply() {
    var unit = form.elements['don-vi'].value, level = form.elements['cap'].value, shown = 0;
    sections.forEach(function (section) {
      var inLevel = !level || section.getAttribute('data-level') === level, visible = 0;
      Array.prototype.forEach.call(section.querySelectorAll('tbody tr'), function (row) {
        var keep = inLevel && (!unit || (' ' + row.getAttribute('data-units') + ' ').indexOf(' ' + unit + ' ') >= 0);
        row.hidden = !keep;
        if (keep) { visible += 1; }
      });
      section.hidden = visible === 0;
      shown += visible;
    });
    count.textContent = unit || level ? shown + ' văn bản được trích dẫn theo bộ lọc.' : '';
  }
  form.addEventListener('change', apply);
  apply();
})();
