// The format check (kiểm tra thể thức) while the clerk types: a moment after the last change the form as it stands is
// sent to the editor's FormatCheck handler, which saves nothing, and its warnings replace the ones shown. Without
// scripts the warnings of the saved draft are shown after each save, as before.
(function () {
    'use strict';
    var form = document.querySelector('form.directive-editor');
    var box = document.getElementById('format-live');
    if (!form || !box || !window.fetch || !window.FormData) { return; }
    var announce = document.getElementById('editor-announce');
    // The form posts to its Save handler (with the draft's id in the path); the check is the same address's FormatCheck.
    var url = new URL(form.action, window.location.href);
    url.searchParams.set('handler', 'FormatCheck');
    var timer = 0;
    var sent = 0;
    var lastCount = box.querySelectorAll('[data-format-warnings] li').length;

    function check() {
        var mine = ++sent;
        var data = new FormData(form);
        window.fetch(url.toString(), { method: 'POST', body: data, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                // An answer to an older state of the form is dropped: only the latest typing counts.
                if (html === null || mine !== sent) { return; }
                box.innerHTML = html;
                var count = box.querySelectorAll('[data-format-warnings] li').length;
                if (announce && count !== lastCount) {
                    announce.textContent = count === 0 ? 'Kiểm tra thể thức: không thấy điểm nào sai.' : 'Kiểm tra thể thức: ' + count + ' điểm chưa đúng.';
                }
                lastCount = count;
            })
            .catch(function () { /* Offline or the server busy: the next change, or the save, checks again. */ });
    }

    function later() {
        window.clearTimeout(timer);
        timer = window.setTimeout(check, 700);
    }

    form.addEventListener('input', later);
    form.addEventListener('change', later);
}());
