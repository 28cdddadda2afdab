// Idébanken – a little JavaScript that only adds to pages that work
// without it: sortable and filterable tables, search, and the age of what
// waits. Texts come from the page, in its language.
(function () {
  "use strict";

  // fold matches the program's model.Fold: lower case, accents removed.
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/æ/g, "ae").replace(/ø/g, "o").replace(/ß/g, "ss").replace(/œ/g, "oe");
  }

  function fmt(template, n) { return template.replace("{n}", String(n)); }

  // ALL is the columns of an idea table that has them all, in their order.
  var ALL = ["id", "title", "kind", "unit", "stage", "submitted", "changed"];

  // A list of many pages: its filter and sort work over the whole list,
  // from lists.json, and show the first page of what they find in place of
  // the page's rows. Cleared, the page is as it was.
  function wholeList(box) {
    var table = box.querySelector("table.ideas");
    if (!table || !box.getAttribute("data-pages")) { return null; }
    var body = table.tBodies[0], original = Array.prototype.slice.call(body.rows);
    var pager = box.querySelector(".pager"), root = box.getAttribute("data-root");
    var key = box.getAttribute("data-list"), size = original.length;
    // The table's columns, by their data-col: a list leaves out what is
    // the same on all its rows. A table without them has all seven.
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var cols = heads.map(function (th, i) { return th.getAttribute("data-col") || ALL[i]; });
    var labels = heads.map(function (th) { return th.textContent.trim(); });
    var state = { words: [], col: -1, ascending: false }, loading = null, records = null;

    function load() {
      if (!loading) {
        loading = fetch(box.getAttribute("data-index")).then(function (r) {
          if (!r.ok) { throw new Error(r.status); }
          return r.json();
        }).then(function (ix) {
          var kind = key.split(":")[0], value = key.slice(kind.length + 1);
          records = ix.ideas.filter(function (d) {
            return kind === "all" || (kind === "kind" && d[2] === value) || (kind === "unit" && d[3] === value) ||
              (kind === "stage" && d[4] === value) || (kind === "tag" && d[7].indexOf(value) >= 0);
          }).map(function (d) {
            var all = { id: d[0], title: d[1], kind: ix.kinds[d[2]], unit: ix.units[d[3]], stage: ix.stages[d[4]], submitted: d[5], changed: d[6] };
            var cells = cols.map(function (c) { return all[c]; });
            return { d: d, cells: cells, text: fold(cells.join(" ")) };
          });
        });
      }
      return loading;
    }

    // row draws a record's row as the page's rows are written.
    function row(rec) {
      var tr = document.createElement("tr");
      rec.cells.forEach(function (text, i) {
        var td = document.createElement("td");
        if (cols[i] === "title") {
          var a = document.createElement("a");
          a.href = root + "idea/" + encodeURIComponent(rec.d[0]) + "/";
          a.textContent = text;
          td.appendChild(a);
        } else if (cols[i] === "stage") {
          var span = document.createElement("span");
          span.className = "stage stage-" + rec.d[4];
          span.textContent = text;
          td.appendChild(span);
        } else {
          td.textContent = text;
          if (cols[i] === "submitted" || cols[i] === "changed") { td.setAttribute("data-label", labels[i]); }
        }
        tr.appendChild(td);
      });
      return tr;
    }

    // update shows what the filter and sort find; it returns the counts.
    function update(status, template) {
      if (!state.words.length && state.col < 0) {
        body.textContent = "";
        original.forEach(function (r) { body.appendChild(r); });
        if (pager) { pager.hidden = false; }
        status.textContent = "";
        return Promise.resolve();
      }
      return load().then(function () {
        var hits = records.filter(function (r) {
          return state.words.every(function (w) { return r.text.indexOf(w) >= 0; });
        });
        if (state.col >= 0) {
          hits.sort(function (a, b) {
            var c = a.cells[state.col].localeCompare(b.cells[state.col], document.documentElement.lang, { numeric: true });
            return state.ascending ? c : -c;
          });
        }
        body.textContent = "";
        hits.slice(0, size).forEach(function (r) { body.appendChild(row(r)); });
        if (pager) { pager.hidden = true; }
        var text = template.replace("{shown}", hits.length).replace("{total}", records.length);
        if (hits.length > size) { text += " " + fmt(box.getAttribute("data-first"), size); }
        status.textContent = text;
      });
    }
    return { state: state, update: update };
  }

  // Sortable tables: each header becomes a button, and aria-sort says the order.
  function sortable(table) {
    var heads = table.querySelectorAll("thead th[data-sort]");
    table.classList.add("sorting");
    heads.forEach(function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        if (table.wholeList) {
          table.wholeList.state.col = col;
          table.wholeList.state.ascending = ascending;
          table.wholeList.refresh();
          return;
        }
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
          var c = x.localeCompare(y, document.documentElement.lang, { numeric: true });
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  // Filters: show the rows whose text holds every word typed.
  function filter(input) {
    var table = document.getElementById(input.getAttribute("data-table"));
    var tools = input.closest(".table-tools");
    var status = tools.querySelector(".filter-status");
    var template = tools.getAttribute("data-shown") || "{shown} / {total}";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (r) { return fold(r.textContent); });
    tools.hidden = false;
    var box = table.closest(".list"), whole = box && wholeList(box);
    if (whole) {
      table.wholeList = whole;
      whole.refresh = function () {
        whole.update(status, template).catch(function () { status.textContent = box.getAttribute("data-failed") || ""; });
      };
      input.addEventListener("input", function () {
        whole.state.words = fold(input.value).split(/\s+/).filter(Boolean);
        whole.refresh();
      });
      return;
    }
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (r, i) {
        var ok = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
        r.hidden = !ok;
        if (ok) { shown++; }
      });
      status.textContent = words.length ? template.replace("{shown}", shown).replace("{total}", rows.length) : "";
    });
  }

  // Search: the index is loaded once. search.json holds each idea's tags
  // and text folded, in the order of the ideas of lists.json, whose rows
  // give what a hit shows: that is folded and searched too.
  function search(form) {
    var input = form.querySelector("input[type=search]");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var msg = document.getElementById("search-messages").dataset;
    var root = form.getAttribute("data-root");
    var index = null, limit = 50, timer = null;

    function show(query) {
      var words = fold(query).split(/\s+/).filter(Boolean);
      list.textContent = "";
      if (!words.length) { status.textContent = ""; return; }
      var hits = index.filter(function (e) {
        return words.every(function (w) { return e.f.indexOf(w) >= 0; });
      });
      status.textContent = hits.length === 0 ? msg.none : hits.length === 1 ? msg.foundOne : fmt(msg.found, hits.length);
      hits.slice(0, limit).forEach(function (e) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = root + "idea/" + encodeURIComponent(e.id) + "/";
        a.textContent = e.id + " " + e.title;
        var meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = e.meta;
        li.appendChild(a);
        li.appendChild(meta);
        list.appendChild(li);
      });
      if (hits.length > limit) { status.textContent += " " + fmt(msg.more, limit); }
    }

    function json(url) {
      return fetch(url).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      });
    }

    function run() {
      var q = input.value;
      if (history.replaceState) {
        history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : "./");
      }
      if (index) { show(q); return; }
      status.textContent = msg.loading;
      Promise.all([json(form.getAttribute("data-index")), json(form.getAttribute("data-ideas"))]).then(function (both) {
        var words = both[0], ix = both[1];
        // Two files of two builds (a cache, a deploy under way) do not
        // match: better no search than hits with other ideas' names.
        if (words.length !== ix.ideas.length) { throw new Error("search.json and lists.json differ"); }
        index = ix.ideas.map(function (d, i) {
          var shown = [ix.kinds[d[2]], ix.units[d[3]], ix.stages[d[4]]];
          return { id: d[0], title: d[1], meta: shown.join(" · "), f: fold([d[0], d[1]].concat(shown).join(" ")) + " " + words[i] };
        });
        show(input.value);
      })
        .catch(function () { status.textContent = msg.failed; });
    }

    form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    var q = new URLSearchParams(location.search).get("q");
    if (q) { input.value = q; run(); }
  }

  // Waiting: how many days each idea has waited, and what is overdue.
  function ages(table) {
    var today = new Date();
    var day = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
    function days(iso) {
      var p = iso.split("-");
      return Math.round((day - Date.UTC(+p[0], +p[1] - 1, +p[2])) / 86400000);
    }
    table.querySelectorAll(".age[data-since]").forEach(function (el) {
      el.textContent = fmt(table.getAttribute("data-days"), days(el.getAttribute("data-since")));
    });
    table.querySelectorAll("time.due").forEach(function (el) {
      if (days(el.getAttribute("datetime") || el.textContent) > 0) {
        var mark = document.createElement("span");
        mark.className = "overdue";
        mark.textContent = " " + table.getAttribute("data-overdue");
        el.parentNode.appendChild(mark);
      }
    });
  }

  // Tables that the templates do not wrap, in idea text and in reports, get
  // a scrolling box too, named by their caption or the heading before them.
  function wrapTables() {
    var headings = document.querySelectorAll("main h1, main h2, main h3, main h4");
    document.querySelectorAll("main table").forEach(function (table) {
      if (table.closest(".table-scroll")) { return; }
      var label = table.caption ? table.caption.textContent : "";
      headings.forEach(function (h) {
        if (!table.caption && (h.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING)) {
          label = h.textContent;
        }
      });
      var box = document.createElement("div");
      box.className = "table-scroll";
      if (label.trim()) {
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", label.trim());
      }
      table.parentNode.insertBefore(box, table);
      box.appendChild(table);
    });
  }

  // Scrolling boxes of tables: a keyboard stop only while the table is wider
  // than its box, so that it can be scrolled with the arrow keys. The markup
  // makes each one a stop, for when there is no script.
  function scrollers() {
    var boxes = document.querySelectorAll(".table-scroll");
    function update() {
      boxes.forEach(function (box) {
        if (box.scrollWidth > box.clientWidth + 1) {
          box.setAttribute("tabindex", "0");
        } else {
          box.removeAttribute("tabindex");
        }
      });
    }
    var timer = null;
    window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(update, 100); });
    update();
  }

  document.querySelectorAll("table.sortable").forEach(sortable);
  document.querySelectorAll("input.filter[data-table]").forEach(filter);
  document.querySelectorAll("form.search[data-index]").forEach(search);
  document.querySelectorAll("table.waiting").forEach(ages);
  wrapTables();
  scrollers();
})();
