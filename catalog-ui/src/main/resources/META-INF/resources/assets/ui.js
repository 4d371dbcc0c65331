// hmbd-registry web UI: the large-text, high-contrast mode (remembered in this browser).
(function () {
  var root = document.documentElement;
  function apply(on) {
    root.classList.toggle('contrast', on);
    document.querySelectorAll('[data-testid=contrast-toggle]').forEach(function (b) {
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
  }
  var stored = false;
  try { stored = localStorage.getItem('hmbd-contrast') === '1'; } catch (e) { /* storage refused */ }
  apply(stored);
  document.addEventListener('DOMContentLoaded', function () {
    apply(root.classList.contains('contrast'));
    document.querySelectorAll('[data-testid=contrast-toggle]').forEach(function (b) {
      b.addEventListener('click', function () {
        var on = !root.classList.contains('contrast');
        try { localStorage.setItem('hmbd-contrast', on ? '1' : '0'); } catch (e) { /* storage refused */ }
        apply(on);
      });
    });
  });
})();

// A new conformance run with several files: each uploaded through the API with its progress bar,
// then the run is submitted and its page opened. Without JavaScript the form posts the files itself.
(function () {
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }
  function say(template, a, b) {
    return template.replace('{0}', a).replace('{1}', b === undefined ? '' : b);
  }
  function problem(xhrOrResponseText) {
    try { return JSON.parse(xhrOrResponseText).detail || ''; } catch (e) { return ''; }
  }
  function put(url, file, headers, bar) {
    return new Promise(function (resolve, reject) {
      var x = new XMLHttpRequest();
      x.open('PUT', url);
      Object.keys(headers).forEach(function (h) { x.setRequestHeader(h, headers[h]); });
      x.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      x.upload.onprogress = function (e) { if (e.lengthComputable) { bar.value = Math.round(e.loaded * 100 / e.total); } };
      x.onload = function () { x.status < 300 ? resolve() : reject(problem(x.responseText) || String(x.status)); };
      x.onerror = function () { reject('network'); };
      x.send(file);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-upload=api]').forEach(function (form) {
      form.addEventListener('submit', function (ev) {
        var input = form.querySelector('input[type=file]');
        var header = meta('csrf-header');
        if (!window.fetch || !window.Promise || !header || !input.files.length) { return; }
        ev.preventDefault();
        var headers = {};
        headers[header] = meta('csrf-token');
        var list = form.querySelector('.uploads');
        var button = form.querySelector('button[type=submit]');
        button.disabled = true;
        list.innerHTML = '';
        var files = Array.prototype.slice.call(input.files);
        var runId = null;
        function fail(text) {
          var li = document.createElement('li');
          li.className = 'warning';
          li.setAttribute('role', 'alert');
          li.textContent = text;
          list.appendChild(li);
          button.disabled = false;
          if (runId) {
            fetch('/api/v1/conformance/runs/' + runId + '/cancellation', { method: 'POST', credentials: 'same-origin',
              headers: Object.assign({ 'Content-Type': 'application/json' }, headers), body: '{}' });
          }
        }
        var json = Object.assign({ 'Content-Type': 'application/json', 'Accept': 'application/json' }, headers);
        fetch('/api/v1/conformance/runs', { method: 'POST', credentials: 'same-origin', headers: json,
          body: JSON.stringify({ editionId: Number(form.querySelector('select[name=editionId]').value) }) })
          .then(function (r) { return r.text().then(function (t) { if (!r.ok) { throw problem(t) || String(r.status); } return JSON.parse(t); }); })
          .then(function (run) {
            runId = run.id;
            return files.reduce(function (done, file) {
              return done.then(function () {
                var li = document.createElement('li');
                var label = document.createElement('span');
                label.textContent = say(form.dataset.msgUploading, file.name);
                var bar = document.createElement('progress');
                bar.max = 100; bar.value = 0;
                bar.setAttribute('aria-label', file.name);
                li.appendChild(label); li.appendChild(bar);
                list.appendChild(li);
                return put('/api/v1/conformance/runs/' + run.id + '/files/' + encodeURIComponent(file.name), file,
                  headers, bar).then(function () { label.textContent = say(form.dataset.msgUploaded, file.name); bar.value = 100; },
                  function (why) { throw say(form.dataset.msgFailed, file.name, why); });
              });
            }, Promise.resolve());
          })
          .then(function () {
            return fetch('/api/v1/conformance/runs/' + runId + '/submission', { method: 'POST', credentials: 'same-origin',
              headers: json, body: '{}' }).then(function (r) {
              if (!r.ok) { return r.text().then(function (t) { throw problem(t) || String(r.status); }); }
              window.location.assign('/conformance/runs/' + runId);
            });
          })
          .catch(function (why) { fail(String(why)); });
      });
    });
  });
})();

// An edition's artifact: uploaded through the API with a progress bar (a new revision when the name
// exists), then the page reloads. Without JavaScript the form posts the file itself.
(function () {
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }
  function say(template, a, b) {
    return template.replace('{0}', a).replace('{1}', b === undefined ? '' : b);
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-upload=artifact]').forEach(function (form) {
      form.addEventListener('submit', function (ev) {
        var input = form.querySelector('input[type=file]');
        var header = meta('csrf-header');
        if (!window.XMLHttpRequest || !header || !input.files.length) { return; }
        ev.preventDefault();
        var file = input.files[0];
        var given = form.querySelector('input[name=name]').value.trim();
        var name = given || file.name;
        var list = form.querySelector('.uploads');
        var button = form.querySelector('button[type=submit]');
        button.disabled = true;
        list.innerHTML = '';
        var li = document.createElement('li');
        var label = document.createElement('span');
        label.textContent = say(form.dataset.msgUploading, name);
        var bar = document.createElement('progress');
        bar.max = 100; bar.value = 0;
        bar.setAttribute('aria-label', name);
        li.appendChild(label); li.appendChild(bar); list.appendChild(li);
        var x = new XMLHttpRequest();
        x.open('PUT', '/api/v1/editions/' + form.dataset.edition + '/artifacts/' + encodeURIComponent(name));
        x.setRequestHeader(header, meta('csrf-token'));
        x.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
        x.upload.onprogress = function (e) { if (e.lengthComputable) { bar.value = Math.round(e.loaded * 100 / e.total); } };
        x.onload = function () {
          if (x.status < 300) {
            label.textContent = say(form.dataset.msgUploaded, name);
            bar.value = 100;
            window.location.hash = 'artifacts';
            window.location.reload();
            return;
          }
          var why = String(x.status);
          try { why = JSON.parse(x.responseText).detail || why; } catch (e) { /* not a problem body */ }
          li.className = 'warning';
          li.setAttribute('role', 'alert');
          label.textContent = say(form.dataset.msgFailed, name, why);
          button.disabled = false;
        };
        x.onerror = function () { label.textContent = say(form.dataset.msgFailed, name, 'network'); button.disabled = false; };
        x.send(file);
      });
    });
  });
})();

// A move that asks for a reason (or a deadline, a code): rendered as a disclosure holding its form,
// which works without JavaScript. With JavaScript the disclosure becomes a button opening a modal
// dialog: the focus moves to the dialog's first field, stays inside it (showModal), Escape or the
// cancel button close it, and the focus returns to the button that opened it.
(function () {
  document.addEventListener('DOMContentLoaded', function () {
    if (typeof HTMLDialogElement !== 'function') { return; }
    document.querySelectorAll('details[data-dialog]').forEach(function (details, index) {
      var summary = details.querySelector('summary');
      var form = details.querySelector('form');
      if (!summary || !form) { return; }
      var key = details.getAttribute('data-dialog');
      var opener = document.createElement('button');
      opener.type = 'button';
      opener.className = 'dialog-open';
      opener.textContent = summary.textContent;
      opener.setAttribute('aria-haspopup', 'dialog');
      opener.setAttribute('data-testid', 'open-' + key);
      var dialog = document.createElement('dialog');
      dialog.setAttribute('data-testid', 'dialog-' + key);
      var title = document.createElement('h2');
      title.id = 'dialog-title-' + index;
      title.textContent = summary.textContent;
      dialog.setAttribute('aria-labelledby', title.id);
      dialog.appendChild(title);
      dialog.appendChild(form);
      var cancel = document.createElement('button');
      cancel.type = 'button';
      cancel.className = 'secondary';
      cancel.textContent = details.getAttribute('data-cancel') || 'Cancel';
      cancel.setAttribute('data-testid', 'cancel-' + key);
      cancel.addEventListener('click', function () { dialog.close(); });
      var submit = form.querySelector('button[type=submit]');
      var actions = document.createElement('div');
      actions.className = 'dialog-actions';
      if (submit) { submit.parentNode.replaceChild(actions, submit); actions.appendChild(submit); } else { form.appendChild(actions); }
      actions.appendChild(cancel);
      opener.addEventListener('click', function () {
        dialog.showModal();
        var first = form.querySelector('input:not([type=hidden]), textarea, select, button');
        if (first) { first.focus(); }
      });
      dialog.addEventListener('close', function () { opener.focus(); });
      var holder = document.createElement('div');
      holder.className = 'dialog-move';
      Array.prototype.forEach.call(details.attributes, function (a) {
        if (a.name.indexOf('data-') === 0 && a.name !== 'data-dialog' && a.name !== 'data-cancel') {
          holder.setAttribute(a.name, a.value);
        }
      });
      holder.appendChild(opener);
      holder.appendChild(dialog);
      details.parentNode.replaceChild(holder, details);
    });
  });
})();
