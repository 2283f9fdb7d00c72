// The phone side of DirectiveHub's offline mode: registers the service worker, marks a page read from the phone's
// copy, keeps an acknowledgment or a progress report made with no connection (IndexedDB) and sends it when the
// connection returns, each with its own idempotency key so a retry never makes two. Sign-out empties this user's
// copies. Plain script under the strict CSP (no inline code, no other origin).
(() => {
  'use strict';

  const user = document.querySelector('meta[name="dh-user"]')?.content || null;
  const savedAt = document.documentElement.dataset.dhSavedAt || null;
  const banner = document.getElementById('dh-offline-banner');
  const queueBox = document.getElementById('dh-queue');
  const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
  const KEEP_SENT_MS = 24 * 60 * 60 * 1000;

  const time = (iso) => new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
  const day = (iso) => new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
  const stamp = (iso) => (day(iso) === day(new Date().toISOString()) ? time(iso) : `${time(iso)} ngày ${day(iso)}`);

  // --- IndexedDB: the queue of actions kept on this phone --------------------------------------------------------
  const openDb = () => new Promise((resolve, reject) => {
    const request = indexedDB.open('directivehub', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('queue', { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

  async function store(mode, work) {
    const db = await openDb();
    try {
      return await new Promise((resolve, reject) => {
        const tx = db.transaction('queue', mode);
        const result = work(tx.objectStore('queue'));
        tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  }

  const allEntries = () => store('readonly', (s) => s.getAll());
  const putEntry = (entry) => store('readwrite', (s) => s.put(entry));
  const deleteEntry = (key) => store('readwrite', (s) => s.delete(key));

  async function myEntries() {
    const entries = (await allEntries()) || [];
    return entries.filter((e) => e.user === user).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  // --- Banner --------------------------------------------------------------------------------------------------
  function showBanner() {
    if (!banner) {
      return;
    }

    if (savedAt) {
      banner.textContent = `Đang xem bản lưu lúc ${stamp(savedAt)}. ${navigator.onLine ? 'Đã có mạng: tải lại trang để xem bản mới.' : 'Không có kết nối mạng.'}`;
      banner.hidden = false;
    } else if (!navigator.onLine) {
      banner.textContent = 'Không có kết nối mạng. Xác nhận và báo cáo sẽ được lưu trên máy và tự gửi khi có mạng.';
      banner.hidden = false;
    } else {
      banner.hidden = true;
    }
  }

  // --- The queue on the page -----------------------------------------------------------------------------------
  const kindText = (e) => (e.kind === 'acknowledge' ? 'Xác nhận đã nhận' : 'Báo cáo tiến độ');

  async function render() {
    if (!queueBox || !user) {
      return;
    }

    const list = queueBox.querySelector('ul');
    const entries = await myEntries();
    list.replaceChildren();
    for (const e of entries) {
      const item = document.createElement('li');
      item.className = 'border-top py-2';
      item.dataset.dhState = e.state;
      const head = document.createElement('div');
      const badge = document.createElement('span');
      badge.className = `badge me-1 ${e.state === 'sent' ? 'text-bg-success' : e.state === 'conflict' ? 'text-bg-danger' : 'text-bg-warning'}`;
      badge.textContent = e.state === 'sent' ? `Đã gửi lúc ${stamp(e.sentAt)}` : e.state === 'conflict' ? 'Không gửi được' : 'Chờ gửi';
      head.append(badge, `${kindText(e)} · ${e.title || ''} · soạn lúc ${stamp(e.createdAt)}`);
      item.append(head);
      if (e.message) {
        const message = document.createElement('p');
        message.className = 'mb-1';
        message.textContent = e.message;
        item.append(message);
      }

      if (e.note && e.state !== 'sent') {
        const note = document.createElement('blockquote');
        note.className = 'border-start ps-2 mb-1';
        note.textContent = e.note;
        item.append(note);
      }

      if (e.state !== 'waiting') {
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'btn btn-sm btn-outline-secondary';
        remove.textContent = e.state === 'sent' ? 'Ẩn' : 'Bỏ thao tác này';
        remove.addEventListener('click', async () => {
          await deleteEntry(e.key);
          await render();
        });
        item.append(remove);
      }

      list.append(item);
    }

    queueBox.hidden = entries.length === 0;
  }

  // A cached page still shows the acknowledge button: an acknowledgment waiting on the phone opens the report forms.
  async function applyQueued() {
    const entries = await myEntries();
    for (const form of document.querySelectorAll('form[data-dh-queue="acknowledge"]')) {
      if (entries.some((e) => e.kind === 'acknowledge' && e.directiveId === form.dataset.dhDirective && e.state !== 'conflict')) {
        acknowledgedOnPhone(form);
      }
    }
  }

  function acknowledgedOnPhone(form) {
    const note = document.createElement('span');
    note.className = 'text-success';
    note.textContent = 'Đã xác nhận trên máy, chờ gửi khi có mạng.';
    form.replaceWith(note);
    for (const report of document.querySelectorAll(`form[data-dh-queue="report"][data-dh-directive="${form.dataset.dhDirective}"]`)) {
      report.querySelectorAll('[disabled]').forEach((field) => field.removeAttribute('disabled'));
      report.querySelectorAll('[data-dh-ack-hint]').forEach((hint) => hint.remove());
    }
  }

  function say(form, text) {
    let status = form.querySelector('[data-dh-saved]');
    if (!status) {
      status = document.createElement('p');
      status.className = 'small text-success mb-0 col-12';
      status.setAttribute('role', 'status');
      status.dataset.dhSaved = '';
      form.append(status);
    }

    status.textContent = text;
  }

  async function enqueue(form) {
    const key = crypto.randomUUID();
    const now = new Date().toISOString();
    const fields = [];
    const files = [];
    for (const [name, value] of new FormData(form)) {
      if (name === '__RequestVerificationToken') {
        continue;
      }

      if (value instanceof File) {
        if (value.size > MAX_PHOTO_BYTES) {
          say(form, `Tệp ${value.name} quá lớn để lưu trên máy (tối đa 15 MB).`);
          return;
        }

        if (value.size > 0) {
          files.push({ name, blob: value, fileName: value.name });
        }
      } else if (name === 'IdempotencyKey' || name === 'Report.IdempotencyKey') {
        fields.push([name, key]);
      } else if (name === 'Report.PreparedAt') {
        fields.push([name, now]);
      } else {
        fields.push([name, value]);
      }
    }

    const kind = form.dataset.dhQueue;
    const note = fields.find(([name]) => name === 'Report.Note')?.[1] || null;
    await putEntry({
      key, user, kind, directiveId: form.dataset.dhDirective, title: form.dataset.dhTitle, action: form.action,
      fields, files, note, createdAt: now, state: 'waiting', message: null,
    });
    if (kind === 'acknowledge') {
      acknowledgedOnPhone(form);
    } else {
      form.reset();
      say(form, 'Đã lưu báo cáo trên máy; sẽ tự gửi khi có mạng.');
    }

    await render();
    sync();
  }

  // --- Sending the queue -----------------------------------------------------------------------------------------
  let syncing = null;

  function sync() {
    if (!user || !navigator.onLine) {
      return Promise.resolve();
    }

    syncing ??= (async () => {
      try {
        for (const entry of await myEntries()) {
          if (entry.state === 'waiting' && !(await send(entry))) {
            break;
          }
        }

        for (const entry of await myEntries()) {
          if (entry.state === 'sent' && Date.now() - Date.parse(entry.sentAt) > KEEP_SENT_MS) {
            await deleteEntry(entry.key);
          }
        }
      } finally {
        syncing = null;
        await render();
      }
    })();
    return syncing;
  }

  const parse = async (response) => new DOMParser().parseFromString(await response.text(), 'text/html');
  const signedOut = (response) => new URL(response.url).pathname.toLowerCase().startsWith('/account/login');

  async function settle(entry, state, message) {
    entry.state = state;
    entry.message = message;
    if (state === 'sent') {
      entry.sentAt = new Date().toISOString();
      entry.files = [];
    }

    await putEntry(entry);
  }

  // Returns false when the connection is gone again: the rest waits for the next chance.
  async function send(entry) {
    try {
      // A fresh antiforgery token from the directive's page (a copy kept for days may hold an old one).
      const page = await fetch(`/Inbox/Directive/${entry.directiveId}`, { credentials: 'same-origin' });
      if (signedOut(page)) {
        await settle(entry, 'waiting', 'Cần đăng nhập lại để gửi.');
        return false;
      }

      if (page.status === 404) {
        await settle(entry, 'conflict', 'Văn bản này không còn giao cho đơn vị của anh/chị. Nội dung đã soạn vẫn được giữ dưới đây.');
        return true;
      }

      if (!page.ok) {
        await settle(entry, 'waiting', 'Máy chủ chưa trả lời; sẽ thử lại.');
        return false;
      }

      const token = (await parse(page)).querySelector('input[name="__RequestVerificationToken"]')?.value || '';
      const body = new FormData();
      entry.fields.forEach(([name, value]) => body.append(name, value));
      entry.files.forEach((f) => body.append(f.name, f.blob, f.fileName));
      body.append('__RequestVerificationToken', token);
      const response = await fetch(entry.action, { method: 'POST', body, credentials: 'same-origin', headers: { 'Idempotency-Key': entry.key } });
      if (signedOut(response)) {
        await settle(entry, 'waiting', 'Cần đăng nhập lại để gửi.');
        return false;
      }

      if (response.redirected && response.ok) {
        const done = await parse(response);
        await settle(entry, 'sent', done.querySelector('main .alert[role="status"]')?.textContent?.trim() || null);
        return true;
      }

      if (response.status === 404) {
        await settle(entry, 'conflict', 'Nhiệm vụ này không còn giao cho đơn vị của anh/chị. Nội dung đã soạn vẫn được giữ dưới đây.');
        return true;
      }

      if (response.ok || response.status === 400) {
        // The page came back with the rule that was broken (superseded, withdrawn, a note required…).
        const refused = response.ok ? (await parse(response)).querySelector('main .alert-danger')?.textContent?.trim() : null;
        await settle(entry, 'conflict', `${refused || 'Máy chủ không nhận thao tác này.'} Nội dung đã soạn vẫn được giữ dưới đây.`);
        return true;
      }

      await settle(entry, 'waiting', 'Máy chủ chưa nhận; sẽ thử lại.');
      return false;
    } catch {
      return false;
    }
  }

  // --- Sign-out: nothing of this user stays on the phone -----------------------------------------------------------
  async function wipe() {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith('dh-user-') || n === 'dh-meta').map((n) => caches.delete(n)));
    for (const entry of await myEntries()) {
      await deleteEntry(entry.key);
    }
  }

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) {
      return;
    }

    if (form.hasAttribute('data-dh-logout')) {
      event.preventDefault();
      const waiting = user ? (await myEntries()).filter((e) => e.state === 'waiting').length : 0;
      // eslint-disable-next-line no-alert
      if (waiting > 0 && !window.confirm(`Còn ${waiting} thao tác chưa gửi. Đăng xuất sẽ xoá chúng khỏi máy này. Vẫn đăng xuất?`)) {
        return;
      }

      try {
        await wipe();
      } finally {
        form.submit();
      }

      return;
    }

    // Online on a page fresh from the server: the ordinary form post. Offline, or on a kept copy: the queue.
    if (form.dataset.dhQueue && user && (!navigator.onLine || savedAt)) {
      event.preventDefault();
      await enqueue(form);
    }
  });

  window.addEventListener('online', () => {
    showBanner();
    sync();
  });
  window.addEventListener('offline', showBanner);

  // --- Start ------------------------------------------------------------------------------------------------------
  showBanner();
  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    return;
  }

  const keepThisPage = async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!user || savedAt || !registration.active) {
      return;
    }

    const urls = [...document.querySelectorAll('a[data-dh-offline-size]')].filter((a) => Number(a.dataset.dhOfflineSize) <= 2 * 1024 * 1024).map((a) => a.href);
    // Opened before the worker took control: it did not see this page go by.
    if (!navigator.serviceWorker.controller) {
      urls.unshift(location.href);
    }

    registration.active.postMessage({ type: 'keep', user, urls });
  };

  navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(keepThisPage).catch(() => { });
  if (user) {
    applyQueued().then(render).then(sync).catch(() => { });
  }
})();
