// The offline gate (issue 11). Online, the gate page works as always (htmx posts each check and the
// server decides). Offline, or when a post does not get through, the check is decided on the device
// by the same rules (gate-rules.js) from what the server sent last (the offline bundle: the policy in
// force and the next one, the pass keys and revocations, the day's expected visitors), shown at once,
// and queued in IndexedDB with its client id, its time and the device's decision. When the network is
// back the queue is sent to /gate/sync: the server decides again and keeps both decisions. The page
// always shows its state (online or offline, checks waiting, last sync, checks the server refused to
// store, until the guard has seen them). The queue outlives the page, a restart and the session.
(function () {
  'use strict';
  var DB_NAME = 'eg-gate', DB_VERSION = 1;
  var EN = document.documentElement.lang === 'en';
  var T = EN ? {
    online: 'Online', offline: 'Offline: checks are decided on this device and queued', waiting: 'waiting',
    lastSync: 'last sync', never: 'never', refused: 'Not stored by the server', seen: 'Seen', login: 'Session expired: sign in again to send the queue',
    deviceDecision: 'Decided on this device (offline); the server decides again when it is sent',
    noBundle: 'No offline data for this shift yet: open the gate page once while online.',
    codeOffline: 'Offline: the health code cannot be checked against the registers now; it is marked not verified.',
    disagreed: 'the server decided otherwise: sent to the shift leader', unnamed: 'Unnamed', synced: 'sent'
  } : {
    online: '在线', offline: '离线：在本机判定并排队', waiting: '待同步', lastSync: '上次同步', never: '尚未同步',
    refused: '服务器未保存', seen: '知道了', login: '登录已过期：请重新登录后同步',
    deviceDecision: '本机离线判定；联网后由服务器复核',
    noBundle: '本班次尚无离线数据：请先在联网时打开一次卡口页面。',
    codeOffline: '离线：无法向登记簿核验健康码状态，记为“未核验”。',
    disagreed: '服务器判定不同：已转带班处理', unnamed: '未具名', synced: '已同步'
  };
  var VERDICT = EN ? { ALLOW: 'ALLOW', REFUSE: 'REFUSE', REFER: 'REFER' } : { ALLOW: '放行', REFUSE: '劝返', REFER: '转带班' };

  var form = function () { return document.getElementById('gate-form'); };
  var field = function (name) { var f = form(); return f ? f.querySelector('[name=' + name + ']') : null; };
  var shiftId = function () { var s = field('shiftId'); return s ? s.value : null; };
  var needsLogin = false, syncing = false, lastResults = [];

  // ---- IndexedDB: queue (waiting checks), refused (until seen), meta (bundle per shift, last sync).
  var dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var open = indexedDB.open(DB_NAME, DB_VERSION);
        open.onupgradeneeded = function () {
          var d = open.result;
          d.createObjectStore('queue', { keyPath: 'clientId' });
          d.createObjectStore('refused', { keyPath: 'clientId' });
          d.createObjectStore('meta', { keyPath: 'key' });
        };
        open.onsuccess = function () { resolve(open.result); };
        open.onerror = function () { reject(open.error); };
      });
    }
    return dbPromise;
  }
  function tx(store, mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction(store, mode), s = t.objectStore(store), result;
        var r = work(s);
        if (r) { r.onsuccess = function () { result = r.result; }; }
        t.oncomplete = function () { resolve(result); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }
  var all = function (store) { return tx(store, 'readonly', function (s) { return s.getAll(); }); };
  var put = function (store, value) { return tx(store, 'readwrite', function (s) { return s.put(value); }); };
  var remove = function (store, key) { return tx(store, 'readwrite', function (s) { return s.delete(key); }); };
  var meta = function (key) { return tx('meta', 'readonly', function (s) { return s.get(key); }).then(function (m) { return m ? m.value : null; }); };
  var setMeta = function (key, value) { return put('meta', { key: key, value: value }); };

  // navigator.onLine alone is not enough (a captive or dead mobile link, some emulations say online):
  // the page asks the server itself, with a request the service worker leaves to the network.
  var reachable = navigator.onLine;
  function online() { return navigator.onLine && reachable; }
  function probe() {
    if (!navigator.onLine) { reachable = false; return Promise.resolve(false); }
    return fetch('/sw.js?reachable=' + Date.now(), { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { reachable = r.ok; return reachable; }, function () { reachable = false; return false; });
  }
  function checkNetwork() {
    var was = online();
    return probe().then(function (now) {
      if (now !== was) { render(); }
      if (now && !was) { sync(); }
      return now;
    });
  }

  // ---- The state banner, always on top of the gate.
  function banner() {
    var b = document.getElementById('offline-state');
    if (!b) {
      b = document.createElement('div');
      b.id = 'offline-state';
      b.className = 'offline-state';
      b.setAttribute('role', 'status');
      b.setAttribute('aria-live', 'polite');
      var main = document.querySelector('main.gate');
      if (main) { main.insertBefore(b, main.firstChild); }
    }
    return b;
  }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) { e.className = cls; } if (text !== undefined) { e.textContent = text; } return e; }
  function time(iso) { return iso ? new Date(iso).toLocaleTimeString(EN ? 'en-GB' : 'zh-CN', { hour12: false }) : T.never; }

  function render() {
    return Promise.all([all('queue'), all('refused'), meta('lastSync')]).then(function (r) {
      var queue = r[0], refused = r[1], last = r[2], b = banner();
      b.textContent = '';
      b.classList.toggle('is-offline', !online());
      var line = el('div', 'state-line');
      line.appendChild(el('b', 'net', online() ? T.online : T.offline));
      line.appendChild(el('span', 'waiting', T.waiting + ' ' + queue.length));
      line.appendChild(el('span', 'last-sync', T.lastSync + ' ' + time(last)));
      b.appendChild(line);
      if (needsLogin && queue.length) {
        var a = el('a', 'login', T.login);
        a.href = '/login';
        b.appendChild(a);
      }
      lastResults.filter(function (x) { return x.disagrees; }).forEach(function (x) {
        b.appendChild(el('div', 'disagreed', (x.personName || T.unnamed) + '：' + VERDICT[x.deviceVerdict] + ' → '
          + VERDICT[x.verdict] + '（' + T.disagreed + '）'));
      });
      refused.forEach(function (x) {
        var row = el('div', 'refused');
        row.appendChild(el('span', null, T.refused + '：' + (x.personName || T.unnamed) + ' ' + time(x.occurredAt) + ' — ' + x.reason));
        var ok = el('button', 'secondary ack', T.seen);
        ok.type = 'button';
        ok.setAttribute('data-client-id', x.clientId);
        row.appendChild(ok);
        b.appendChild(row);
      });
    }).catch(function () { return null; });
  }

  // ---- The bundle: fetched whenever online (the service worker keeps a copy too), kept per shift.
  function refreshBundle() {
    var shift = shiftId();
    if (!shift || !online()) { return Promise.resolve(null); }
    return fetch('/gate/offline-bundle.json?shift=' + encodeURIComponent(shift), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        var json = (r.headers.get('Content-Type') || '').indexOf('application/json') === 0;
        if (r.redirected || !json) { needsLogin = true; return null; }
        if (!r.ok) { return null; }
        return r.json().then(function (bundle) {
          needsLogin = false;
          return setMeta('bundle:' + shift, bundle).then(function () { return bundle; });
        });
      }).catch(function () { return null; });
  }

  /** Keeps this gate page for opening offline (the service worker serves it when the network fails). */
  function keepPage() {
    if (!('caches' in window) || !online()) { return Promise.resolve(); }
    // The page and every script and style it loads, as this page names them (WebJars included).
    var urls = [location.href];
    document.querySelectorAll('script[src], link[rel=stylesheet][href]').forEach(function (e) { urls.push(e.src || e.href); });
    return caches.open('eg-gate-v1').then(function (cache) {
      return Promise.all(urls.map(function (u) { return cache.add(u).catch(function () { return null; }); }));
    }).catch(function () { return null; });
  }

  // ---- The device's decision, from the form as htmx would post it.
  function trim(v) { return v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim(); }
  function maskId(id) { id = String(id).trim().toUpperCase(); return id.length < 8 ? '****' : id.substring(0, 4) + '*'.repeat(id.length - 8) + id.substring(id.length - 4); }
  function localTimeIn(zone, at) {
    try {
      return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    } catch (e) {
      return String(at.getHours()).padStart(2, '0') + ':' + String(at.getMinutes()).padStart(2, '0');
    }
  }

  function decideOnDevice(params, bundle, at) {
    var get = function (n) { return params.has(n) ? params.get(n) : null; };
    var category = get('category') || 'RESIDENT', direction = get('direction') || 'IN';
    var scanned = trim(get('scannedCode')), codeInput = get('codeInput') || 'TYPED';
    var healthCode = scanned ? { status: null, acquisition: codeInput === 'TYPED' ? 'TYPED' : 'SCANNED', demo: false }
      : get('shownCodeStatus') ? { status: get('shownCodeStatus'), acquisition: 'SHOWN', demo: false } : null;
    var t = trim(get('temperature'));
    var ref = trim(get('credentialRef'));
    var type = GateRules.looksLikePass(ref) ? 'PASS' : get('credentialType') || null;
    var credential = type ? { type: type, reference: ref, verified: get('credentialVerified') === 'true', accessControl: get('accessControl') === 'true' } : null;
    var sampled = get('natSampledAt'), result = get('natResult');
    var dest = trim(get('destination')), sym = get('symptoms');
    var tc = get('travelCode') || null, idDoc = get('idDocumentChecked') === 'true', permit = get('residencePermitChecked') === 'true';
    var plate = trim(get('plate'));
    var evidence = {
      temperature: t ? { celsius: t, method: get('temperatureMethod') || 'HANDHELD_GUN' } : null,
      healthCode: healthCode,
      credential: credential,
      nat: sampled && result ? { sampledAt: new Date(sampled).toISOString(), result: result, demo: false } : null,
      answers: !dest && sym === null ? null : { destination: dest, symptoms: sym === null ? null : sym === 'true' },
      mask: get('mask') === 'true' ? true : null,
      threeChecks: !idDoc && !permit && !tc ? null : { idDocument: idDoc, residencePermit: permit, travelCode: tc }
    };
    var exception = trim(get('outsiderException')), preRegistered = false;
    var idNumber = trim(get('idNumber'));
    if (category === 'VISITOR' && idNumber) {
      // Matched by the masked ID number (the device never holds a full one) and, when typed, the name: the server matches again.
      var name = trim(get('personName'));
      var visit = (bundle.expectedVisitors || []).filter(function (v) {
        return v.idMasked === maskId(idNumber) && (!name || v.visitorName === name);
      })[0];
      if (visit) { preRegistered = true; exception = visit.exception; }
    }
    var passCheck = credential && (type === 'PASS') ? GateRules.verifyPass(ref, bundle, at.getTime()) : Promise.resolve(null);
    return passCheck.then(function (pass) {
      if (pass) { evidence.credential = { type: 'PASS', reference: ref, verified: !pass.failure, accessControl: false }; }
      var resident = (category === 'RESIDENT' || category === 'TENANT') && direction === 'IN';
      var policy = GateRules.policyAt(bundle, at.getTime());
      var decision = GateRules.decide({
        category: category, direction: direction, evidence: evidence,
        vehicle: get('mode') === 'VEHICLE' && plate ? { plate: plate, residentVehicle: get('residentVehicle') === 'true' } : null,
        policy: policy.parameters, entranceOpen: bundle.entranceOpen, at: at.getTime(), localTime: localTimeIn(bundle.zone, at),
        emergency: get('emergency') === 'true', exception: exception, preRegistered: preRegistered,
        passFailure: pass ? pass.failure : null, inNatRegister: null,
        residentResolved: resident && pass && !pass.failure ? true : null, restrictions: []
      });
      decision.unverified = healthCode && !healthCode.status ? ['HEALTH_CODE'] : [];
      decision.policyVersionId = policy.id;
      return decision;
    });
  }

  function showDecision(decision, name, bundle) {
    var old = document.getElementById('decision');
    var section = el('section', 'decision ' + decision.verdict);
    section.id = 'decision';
    section.setAttribute('aria-live', 'assertive');
    section.setAttribute('data-offline', 'true');
    section.appendChild(el('div', 'verdict', VERDICT[decision.verdict]));
    section.appendChild(el('div', null, name || T.unnamed));
    if (decision.reasons.length) {
      var ul = el('ul');
      decision.reasons.forEach(function (r) {
        var text = (bundle.reasonTexts && bundle.reasonTexts[r.code]) || r.code;
        ul.appendChild(el('li', null, text + (r.detail ? '（' + r.detail + '）' : '')));
      });
      section.appendChild(ul);
    }
    section.appendChild(el('div', 'offline-note', T.deviceDecision));
    if (old) { old.replaceWith(section); } else { form().parentNode.insertBefore(section, form()); }
    var tiles = document.querySelector('#workspace .tiles');
    if (tiles) { tiles.remove(); }
  }

  /**
   * A time-ordered (version 7) UUID, as the server's gate form makes them (RFC 9562): 48 bits of Unix milliseconds, the
   * version, then random bits. Random (version 4) ids would land all over the client-id index of millions of checks.
   */
  function uuidV7() {
    var b = crypto.getRandomValues(new Uint8Array(16));
    var ms = Date.now();
    for (var i = 5; i >= 0; i--) { b[i] = ms % 256; ms = Math.floor(ms / 256); }
    b[6] = (b[6] & 0x0f) | 0x70;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.from(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function nextCheck() {
    var f = form();
    f.reset();
    f.querySelector('[name=clientId]').value = uuidV7();
    var code = document.getElementById('scannedCode');
    if (code) { code.value = ''; code.focus(); }
    var input = document.getElementById('codeInput');
    if (input) { input.value = ''; }
    var lookup = document.getElementById('lookup');
    if (lookup) { lookup.textContent = ''; }
  }

  /** Decides the form's check on the device, shows the decision and queues the check. */
  function queueCheck() {
    var f = form(), shift = shiftId();
    var params = new URLSearchParams(new FormData(f));
    var at = new Date();
    return meta('bundle:' + shift).then(function (bundle) {
      if (!bundle) { alert(T.noBundle); return null; }
      return decideOnDevice(params, bundle, at).then(function (decision) {
        var item = {
          clientId: params.get('clientId'), shiftId: shift, occurredAt: at.toISOString(), params: Array.from(params.entries()),
          personName: trim(params.get('personName')), device: { verdict: decision.verdict,
            reasons: decision.reasons.map(function (r) { return r.code; }), unverified: decision.unverified }
        };
        return put('queue', item).then(function () {
          showDecision(decision, item.personName, bundle);
          performance.mark('gate-decision-shown');
          nextCheck();
          return render();
        });
      });
    }).catch(function (e) { alert(String(e)); });
  }

  // ---- Sync: each waiting check, oldest first, to /gate/sync with its own client id.
  function csrf(bundle) {
    var header = bundle && bundle.csrfHeader, token = bundle && bundle.csrfToken;
    if (!token) {
      var h = document.querySelector('meta[name=_csrf_header]'), t = document.querySelector('meta[name=_csrf]');
      header = h && h.content; token = t && t.content;
    }
    var headers = { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' };
    if (header && token) { headers[header] = token; }
    return headers;
  }

  function send(item, headers) {
    var body = new URLSearchParams(item.params);
    body.set('occurredAt', item.occurredAt);
    body.set('deviceVerdict', item.device.verdict);
    body.set('deviceReasons', item.device.reasons.join(','));
    body.set('unverified', (item.device.unverified || []).join(','));
    return fetch('/gate/sync', { method: 'POST', credentials: 'same-origin', headers: headers, body: body }).then(function (r) {
      var json = (r.headers.get('Content-Type') || '').indexOf('json') >= 0;
      if (r.redirected || r.status === 401 || r.status === 403 || !json) { needsLogin = r.redirected || r.status === 401 || r.status === 403 || needsLogin; return { retry: true, login: true }; }
      if (r.status === 200 || r.status === 201) { return r.json().then(function (answer) { return { stored: answer }; }); }
      if (r.status === 422 || r.status === 400 || r.status === 409) { return r.json().then(function (p) { return { refused: p.refused || p.detail || p.title || String(r.status) }; }); }
      return { retry: true };
    });
  }

  function sync() {
    if (syncing || !online()) { return Promise.resolve(); }
    syncing = true;
    var shift = shiftId();
    return all('queue').then(function (queue) {
      if (!queue.length) { return null; }
      return refreshBundle().then(function (fresh) {
        return (fresh ? Promise.resolve(fresh) : meta('bundle:' + shift)).then(function (bundle) {
          if (needsLogin) { return null; }
          var headers = csrf(fresh);
          queue.sort(function (a, b) { return a.occurredAt < b.occurredAt ? -1 : 1; });
          var results = [];
          return queue.reduce(function (p, item) {
            return p.then(function (stop) {
              if (stop) { return true; }
              return send(item, headers).then(function (r) {
                if (r.stored) {
                  results.push(r.stored);
                  return remove('queue', item.clientId).then(function () { return false; });
                }
                if (r.refused) {
                  return put('refused', { clientId: item.clientId, personName: item.personName, occurredAt: item.occurredAt, reason: r.refused })
                    .then(function () { return remove('queue', item.clientId); }).then(function () { return false; });
                }
                return true;
              }).catch(function () { return true; });
            });
          }, Promise.resolve(false)).then(function () {
            if (results.length) { lastResults = results; return setMeta('lastSync', new Date().toISOString()); }
            return null;
          });
        });
      });
    }).catch(function () { return null; }).then(function () { syncing = false; return render(); });
  }

  function requestPath(e) {
    var d = e.detail || {};
    return (d.requestConfig && d.requestConfig.path) || (d.pathInfo && d.pathInfo.requestPath) || '';
  }

  // ---- Hooks on the gate page: offline, a check goes to the device and the queue, never to htmx.
  document.addEventListener('htmx:beforeRequest', function (e) {
    var path = requestPath(e);
    if (online() || !form()) {
      if (path.indexOf('/gate/check') >= 0) { performance.mark('gate-submit'); }
      return;
    }
    e.preventDefault();
    if (path.indexOf('/gate/check') >= 0) {
      performance.mark('gate-submit');
      queueCheck();
    } else if (path.indexOf('/gate/lookup') >= 0) {
      var lookup = document.getElementById('lookup');
      if (lookup) { lookup.textContent = ''; lookup.appendChild(el('div', 'muted offline-lookup', T.codeOffline)); }
    }
  });
  // Online, but the post did not get through (a weak connection): decided on the device and queued all the same.
  document.addEventListener('htmx:sendError', function (e) {
    var path = requestPath(e);
    if (path.indexOf('/gate/check') >= 0) { reachable = false; queueCheck(); }
  });
  document.addEventListener('htmx:afterSwap', function (e) {
    if (e.detail.target && e.detail.target.id === 'workspace' && document.getElementById('decision')) { performance.mark('gate-decision-shown'); }
  });
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t && t.classList && t.classList.contains('ack')) {
      remove('refused', t.getAttribute('data-client-id')).then(render);
    }
  });
  window.addEventListener('online', function () { checkNetwork().then(function () { render(); sync(); }); });
  window.addEventListener('offline', function () { reachable = false; render(); });

  function start() {
    if (!form()) { return Promise.resolve(); }
    if (!document.querySelector('link[rel=manifest]')) {
      var link = document.createElement('link');
      link.rel = 'manifest';
      link.href = '/manifest.webmanifest';
      document.head.appendChild(link);
    }
    var worker = 'serviceWorker' in navigator
      ? navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(function () { return navigator.serviceWorker.ready; })
        .catch(function () { return null; })
      : Promise.resolve(null);
    return probe().then(render).then(function () { return Promise.all([worker, refreshBundle()]); })
      .then(function () { return keepPage(); })
      .then(function () { return sync(); })
      .then(render);
  }

  var ready = start();
  setInterval(function () { checkNetwork().then(function (up) { if (up) { sync(); } }); }, 15000);

  /** For the browser test and the curious: the queue, and a promise that settles once the page is ready offline. */
  window.GateOffline = {
    ready: ready,
    waiting: function () { return all('queue'); },
    refused: function () { return all('refused'); },
    sync: sync,
    resend: function (item) { return send(item, csrf(null)); }
  };
})();
