/* congkhai search: runs in the browser from a folder (file://), a sub-path or a server. The index
   is split into scripts under tim-kiem/chi-muc/ (congkhaiSearch.terms/docs/meta/filters calls);
   a query loads the term shards of its words and the document shards of the results it shows. */
(function () {
  'use strict';
  var script = document.currentScript;
  var base = (script.getAttribute('data-root') || '') + 'tim-kiem/chi-muc/';
  var state = { meta: null, terms: {}, docs: {}, filters: null, loading: {}, pending: 0, waiting: [] };

  function finished() {
    state.pending -= 1;
    if (state.pending === 0) { var waiting = state.waiting; state.waiting = []; waiting.forEach(function (f) { f(); }); }
  }
  window.congkhaiSearch = {
    meta: function (m) { state.meta = m; },
    terms: function (n, t) { state.terms[n] = t; },
    docs: function (n, d) { state.docs[n] = d; },
    filters: function (f) { state.filters = f; }
  };
  function load(file) {
    if (state.loading[file]) { return; }
    state.loading[file] = true;
    state.pending += 1;
    var tag = document.createElement('script');
    tag.src = base + file;
    tag.onload = finished;
    tag.onerror = finished;
    document.head.appendChild(tag);
  }
  function then(f) { if (state.pending === 0) { f(); } else { state.waiting.push(f); } }

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  function words(text) { return fold(text).split(/[^a-z0-9]+/).filter(Boolean); }
  function hash(text) {
    var bytes = new TextEncoder().encode(text), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i += 1) { h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0; }
    return h >>> 0;
  }
  function shardOf(word) { return hash(word) % state.meta.termShards; }
  /* A posting list is "L" + "delta.weight" pairs in base 36, or "B" + a base64 bitmap of the
     entries for very common words (weight 1). */
  function postings(word) {
    var shard = state.terms[shardOf(fold(word))] || {};
    var text = shard[word] || '', map = {};
    if (text.charAt(0) === 'L') {
      var id = 0;
      text.slice(1).split(',').forEach(function (pair) {
        var parts = pair.split('.');
        id += parseInt(parts[0], 36);
        map[id] = parseInt(parts[1], 36);
      });
    } else if (text.charAt(0) === 'B') {
      var bits = atob(text.slice(1));
      for (var i = 0; i < bits.length; i += 1) {
        var byte = bits.charCodeAt(i);
        for (var b = 0; byte && b < 8; b += 1) { if (byte & (1 << b)) { map[i * 8 + b] = 1; } }
      }
    }
    return map;
  }

  function isSymbolQuery(query) { return /\d/.test(query) && /[\/\-]/.test(query); }

  /* Scores: every query word must match (a number or symbol may match alone); a title with the
     word exactly as typed, accents and all, ranks first; ties go to the newer document (entries
     are numbered newest first). For words alone, a unit's own documents come before the pages of
     the texts they cite ("ke hoach dan van"); a query with a number or symbol ("chi thi 33",
     "33/CT-TTg") is ranked as it scores, so the text it names comes first. */
  function rank(query) {
    var list = words(query), typed = query.toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    var symbol = isSymbolQuery(query) ? fold(query).replace(/[^a-z0-9]/g, '') : null;
    var scores = null, bySymbolFound = false;
    if (symbol && symbol.length >= 3) {
      var bySymbol = postings(symbol);
      if (Object.keys(bySymbol).length) { bySymbolFound = true; scores = {}; Object.keys(bySymbol).forEach(function (id) { scores[id] = bySymbol[id] * 10; }); }
    }
    if (!scores) {
      list.forEach(function (word) {
        var found = postings(word), next = {};
        if (scores === null) { next = found; } else { Object.keys(scores).forEach(function (id) { if (found[id]) { next[id] = scores[id] + found[id]; } }); }
        scores = next;
      });
    }
    scores = scores || {};
    typed.forEach(function (word) {
      if (fold(word) === word) { return; }
      var exact = postings(word);
      Object.keys(exact).forEach(function (id) { if (scores[id] !== undefined) { scores[id] += 1000; } });
    });
    var documents = state.meta.documents, byWords = !bySymbolFound && !/\d/.test(query);
    var tier = function (id) { return byWords && id >= documents ? 1 : 0; };
    return Object.keys(scores).map(Number).sort(function (a, b) { return tier(a) - tier(b) || scores[b] - scores[a] || a - b; });
  }

  /* The TT 09 section the query names: its words, folded, stand together in that section's name
     or one of its items' names, and in no other section's ("hoc phi", "thu chi", "tuyen sinh";
     not "giao duc" nor "nam hoc", found in several), two words at least or a whole name, and
     the query is not a kind's name ("ke hoach" lists plans). */
  function sectionsNamed(query) {
    var typed = words(query);
    if (!typed.length || isSymbolQuery(query) || /\d/.test(query)) { return []; }
    var phrase = typed.join(' ');
    if (state.meta.kinds.some(function (kind) { return words(kind[1]).join(' ') === phrase; })) { return []; }
    var named = (state.meta.sections || []).filter(function (section) {
      return section.phrases.some(function (name) {
        return (' ' + name + ' ').indexOf(' ' + phrase + ' ') >= 0 && (typed.length >= 2 || name === phrase);
      });
    });
    return named.length === 1 ? named : [];
  }

  function showSections(sections) {
    var box = document.getElementById('muc-goi-y'), root = script.getAttribute('data-root') || '';
    if (!box) { return; }  // a portal's own search template without the box
    box.innerHTML = '';
    box.hidden = !sections.length;
    if (!sections.length) { return; }
    var title = document.createElement('p');
    title.className = 'suggestion-title';
    title.textContent = 'Mục công khai theo Thông tư 09/2024/TT-BGDĐT:';
    box.appendChild(title);
    var list = document.createElement('ul');
    sections.forEach(function (section) {
      var item = document.createElement('li');
      if (section.url) {
        var link = document.createElement('a');
        link.href = root + section.url;
        link.textContent = section.name;
        item.appendChild(link);
        item.appendChild(document.createTextNode(' (' + section.count + ' văn bản)'));
      } else {
        var name = document.createElement('strong');
        name.textContent = section.name;
        item.appendChild(name);
        item.appendChild(document.createTextNode(': chưa có văn bản.'));
      }
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  function passes(id, filter) {
    if (!filter.active) { return true; }
    if (id >= state.meta.documents) { return !filter.year && !filter.unit && !filter.category && (!filter.kind || filter.kind === 'can-cu'); }
    if (filter.kind === 'can-cu') { return false; }
    var row = state.filters[id];
    return (filter.year === '' || row[0] === Number(filter.year)) && (filter.unit === '' || row[1] === Number(filter.unit)) &&
      (filter.kind === '' || row[2] === Number(filter.kind)) && (filter.category === '' || (row[3] & (1 << Number(filter.category))) !== 0);
  }

  function render(ids, total, query) {
    var out = document.getElementById('ket-qua'), root = script.getAttribute('data-root') || '';
    var status = document.getElementById('trang-thai');
    out.innerHTML = '';
    // What this query loaded and when the results were shown, for measurement (make bench).
    out.setAttribute('data-loaded', Object.keys(state.loading).join(' '));
    out.setAttribute('data-ms', String(Math.round(performance.now())));
    var more = total > ids.length ? ' Dưới đây là ' + ids.length + ' kết quả đầu; thêm từ hoặc chọn bộ lọc để thu hẹp.' : '';
    if (!query) {
      status.textContent = total ? total + ' văn bản theo bộ lọc đã chọn, mới nhất trước.' + more : 'Không có văn bản nào theo bộ lọc đã chọn.';
    } else {
      status.textContent = total ? 'Tìm thấy ' + total + ' kết quả cho “' + query + '”.' + more : 'Không tìm thấy kết quả nào cho “' + query + '”. Hãy thử từ khác, bỏ bớt từ, hoặc gõ số hiệu như 33/CT-TTg.';
    }
    var kinds = {};
    state.meta.kinds.forEach(function (k) { kinds[k[0]] = k[1]; });
    ids.forEach(function (id) {
      var per = state.meta.documentsPerShard, row = (state.docs[Math.floor(id / per)] || [])[id % per];
      if (!row) { return; }
      var item = document.createElement('li'), link = document.createElement('a'), meta = document.createElement('p');
      link.href = root + row[1];
      link.textContent = row[0];
      var cited = row[2] < 0;
      var unit = cited ? 'Văn bản được trích dẫn' + (row[9] ? ' (' + row[9] + ' văn bản trích dẫn)' : '') : state.meta.units[row[2]][1];
      meta.className = 'meta';
      meta.textContent = [cited ? '' : kinds[row[4]] || '', row[5], row[6], unit].filter(Boolean).join(' · ');
      item.appendChild(link);
      item.appendChild(meta);
      if (row[8]) {
        var excerpt = document.createElement('p');
        excerpt.className = 'excerpt';
        excerpt.textContent = row[8];
        item.appendChild(excerpt);
      }
      out.appendChild(item);
    });
  }

  function run(query, filter) {
    var needed = words(query), typed = query.toLowerCase().split(/\s+/);
    if (isSymbolQuery(query)) { needed.push(fold(query).replace(/[^a-z0-9]/g, '')); }
    needed.concat(typed.map(fold)).forEach(function (word) { if (word) { load('t' + shardOf(word) + '.js'); } });
    if (filter.active) { load('filters.js'); }
    then(function () {
      var ids;
      if (query) {
        ids = rank(query);
      } else {
        // A filter alone lists the entries it keeps, newest first (the entries' order); the
        // cited texts come after the documents.
        ids = [];
        for (var id = 0; id < state.meta.entries; id += 1) { ids.push(id); }
      }
      ids = ids.filter(function (id) { return passes(id, filter); });
      showSections(query && !filter.active ? sectionsNamed(query) : []);
      var shown = ids.slice(0, 20), per = state.meta.documentsPerShard;
      shown.forEach(function (id) { load('d' + Math.floor(id / per) + '.js'); });
      then(function () { render(shown, ids.length, query); });
    });
  }

  function fillSelect(select, items, valueOf, labelOf) {
    items.forEach(function (item, index) {
      var option = document.createElement('option');
      option.value = valueOf(item, index);
      option.textContent = labelOf(item);
      select.appendChild(option);
    });
  }

  function start() {
    var form = document.getElementById('tim-kiem-form');
    if (!form || !state.meta) { return; }
    var params = new URLSearchParams(window.location.search);
    var input = form.querySelector('input[type=search]');
    var selects = { year: form.querySelector('[name=nam]'), unit: form.querySelector('[name=don-vi]'), kind: form.querySelector('[name=loai]'), category: form.querySelector('[name=danh-muc]') };
    fillSelect(selects.year, state.meta.years, function (y, i) { return String(i); }, function (y) { return 'Năm học ' + y; });
    fillSelect(selects.unit, state.meta.units, function (u, i) { return String(i); }, function (u) { return u[1]; });
    fillSelect(selects.kind, state.meta.kinds, function (k, i) { return String(i); }, function (k) { return k[1]; });
    var cited = document.createElement('option'); cited.value = 'can-cu'; cited.textContent = 'Văn bản được trích dẫn'; selects.kind.appendChild(cited);
    fillSelect(selects.category, state.meta.categories, function (c, i) { return String(i); }, function (c) { return c[1]; });
    Object.keys(selects).forEach(function (key) { var name = selects[key].name; if (params.get(name)) { selects[key].value = params.get(name); } });
    var query = (params.get('q') || '').trim();
    input.value = query;
    var filter = { year: selects.year.value, unit: selects.unit.value, kind: selects.kind.value, category: selects.category.value };
    filter.active = Boolean(filter.year || filter.unit || filter.kind || filter.category);
    if (!query && !filter.active) { return; }
    document.getElementById('trang-thai').textContent = 'Đang tìm…';
    run(query, filter);
  }

  state.pending += 1;
  var metaTag = document.createElement('script');
  metaTag.src = base + 'meta.js';
  metaTag.onload = function () { finished(); start(); };
  metaTag.onerror = finished;
  document.head.appendChild(metaTag);
})();
