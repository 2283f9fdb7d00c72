// DirectiveHub's service worker: the officer's inbox and the directives opened recently stay readable with no
// connection. Copies are kept per signed-in user (the server names the user in the X-DH-User header, a hash of the
// user id) and dropped as soon as a response shows someone else, or nobody, signed in: a phone shared by two officers
// never shows one the other's directives. Plain script, no build step; nothing here needs an app store.
'use strict';

const STATIC_CACHE = 'dh-static-v1';
const USER_PREFIX = 'dh-user-';
const META_CACHE = 'dh-meta';
const USER_KEY = '/__dh/user';
const MAX_PAGES = 40;
const MAX_FILES = 30;
// Attachments above this size are not kept: a phone's storage is small and a large scan can be read at the office.
const MAX_FILE_BYTES = 2 * 1024 * 1024;

const PAGE_PATHS = [/^\/$/, /^\/inbox$/, /^\/inbox\/directive\/[0-9a-f-]{36}$/, /^\/notifications$/];
const FILE_PATHS = [/^\/directives\/attachment\/[0-9a-f-]{36}$/, /^\/inbox\/evidence\/[0-9a-f-]{36}$/];

const isPage = (path) => PAGE_PATHS.some((p) => p.test(path));
const isFile = (path) => FILE_PATHS.some((p) => p.test(path));
const keyOf = (url) => url.origin + url.pathname.toLowerCase() + url.search;

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith('dh-static-') && n !== STATIC_CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

async function currentUser() {
  const meta = await caches.open(META_CACHE);
  const hit = await meta.match(USER_KEY);
  return hit ? hit.text() : null;
}

// Called with every answer from the server: a different user, or none, drops every other user's copies.
async function setUser(user) {
  if ((await currentUser()) === user) {
    return;
  }

  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(USER_PREFIX) && n !== USER_PREFIX + user).map((n) => caches.delete(n)));
  const meta = await caches.open(META_CACHE);
  if (user) {
    await meta.put(USER_KEY, new Response(user));
  } else {
    await meta.delete(USER_KEY);
  }
}

async function keep(user, url, response) {
  const path = url.pathname.toLowerCase();
  const length = Number(response.headers.get('Content-Length') || 0);
  if (isFile(path) && length > MAX_FILE_BYTES) {
    return;
  }

  const body = await response.blob();
  if (body.size > MAX_FILE_BYTES && isFile(path)) {
    return;
  }

  const headers = new Headers(response.headers);
  headers.set('X-DH-Saved-At', new Date().toISOString());
  const cache = await caches.open(USER_PREFIX + user);
  const key = keyOf(url);
  // Deleted first so that the key moves to the end: the oldest copies are the first ones dropped.
  await cache.delete(key);
  await cache.put(key, new Response(body, { status: 200, statusText: 'OK', headers }));
  const keys = await cache.keys();
  const pages = keys.filter((r) => isPage(new URL(r.url).pathname));
  const files = keys.filter((r) => isFile(new URL(r.url).pathname));
  await Promise.all([
    ...pages.slice(0, Math.max(0, pages.length - MAX_PAGES)).map((r) => cache.delete(r)),
    ...files.slice(0, Math.max(0, files.length - MAX_FILES)).map((r) => cache.delete(r)),
  ]);
}

// A kept page is marked on its root element; the page's script shows "đang xem bản lưu lúc HH:mm" from it.
async function marked(hit) {
  const type = hit.headers.get('Content-Type') || '';
  if (!type.startsWith('text/html')) {
    return hit;
  }

  const saved = hit.headers.get('X-DH-Saved-At') || '';
  const html = (await hit.text()).replace('<html lang="vi"', `<html lang="vi" data-dh-saved-at="${saved}"`);
  return new Response(html, { status: 200, headers: hit.headers });
}

async function fromCache(url) {
  const user = await currentUser();
  if (user) {
    const cache = await caches.open(USER_PREFIX + user);
    let hit = await cache.match(keyOf(url), { ignoreVary: true });
    if (!hit && url.pathname.toLowerCase() === '/inbox') {
      // The inbox with other filters than the kept one: the kept inbox is better than nothing.
      hit = await cache.match(url.origin + '/inbox', { ignoreSearch: true, ignoreVary: true });
    }

    if (hit) {
      return marked(hit);
    }
  }

  return offlinePage();
}

function offlinePage() {
  const html = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
    + '<title>Không có kết nối mạng · DirectiveHub</title></head><body><main>'
    + '<h1>Không có kết nối mạng</h1>'
    + '<p>Trang này chưa được lưu trên máy để đọc khi mất mạng. Các văn bản đã mở gần đây vẫn đọc được.</p>'
    + '<p><a href="/Inbox">Về văn bản đến đã lưu</a></p>'
    + '</main></body></html>';
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

async function navigate(event, url) {
  let response;
  try {
    response = await fetch(event.request);
  } catch {
    return fromCache(url);
  }

  if (response.type === 'basic' && response.status < 500) {
    const user = response.headers.get('X-DH-User');
    await setUser(user);
    const path = url.pathname.toLowerCase();
    if (user && response.ok && !response.redirected && (isPage(path) || isFile(path))) {
      event.waitUntil(keep(user, url, response.clone()));
    }
  }

  return response;
}

async function file(event, url) {
  try {
    const response = await fetch(event.request);
    const user = response.headers.get('X-DH-User');
    if (user && response.ok && response.type === 'basic' && user === (await currentUser())) {
      event.waitUntil(keep(user, url, response.clone()));
    }

    return response;
  } catch {
    return fromCache(url);
  }
}

// Front-end files: a versioned address (?v=) never changes, so the cached copy is used; others are refreshed online.
async function asset(request, url) {
  const cache = await caches.open(STATIC_CACHE);
  if (url.searchParams.has('v')) {
    const hit = await cache.match(request);
    if (hit) {
      return hit;
    }
  }

  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      await cache.put(request, response.clone());
    }

    return response;
  } catch (error) {
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) {
      return hit;
    }

    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }

  const path = url.pathname.toLowerCase();
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event, url));
  } else if (isFile(path) || isPage(path)) {
    event.respondWith(file(event, url));
  } else if (/^\/(css|js|lib|img)\//.test(path) || path === '/manifest.webmanifest') {
    event.respondWith(asset(request, url));
  }
});

// The page asks for copies it opened before this worker controlled it, and for its attachments.
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'keep' || !Array.isArray(data.urls)) {
    return;
  }

  event.waitUntil((async () => {
    // Sent only by a page the server has just rendered, so its user is the one signed in now.
    const user = typeof data.user === 'string' && /^[0-9a-f]{24}$/.test(data.user) ? data.user : null;
    if (!user) {
      return;
    }

    await setUser(user);

    const cache = await caches.open(USER_PREFIX + user);
    for (const address of data.urls.slice(0, 20)) {
      const url = new URL(address, self.location.origin);
      const path = url.pathname.toLowerCase();
      if (url.origin !== self.location.origin || !(isPage(path) || isFile(path)) || (isFile(path) && await cache.match(keyOf(url)))) {
        continue;
      }

      try {
        const response = await fetch(url, { credentials: 'same-origin' });
        if (response.ok && response.headers.get('X-DH-User') === user) {
          await keep(user, url, response);
        }
      } catch {
        return;
      }
    }
  })());
});
