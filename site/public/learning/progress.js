// The Cloud School's progress script (docs/cloud-school.md). Loaded only on course and
// lesson pages, and only when the ssc_learner=1 cookie says a learner is signed in.
// Shows progress, marks readings done and videos watched to the end, and keeps what is
// done offline in localStorage until the CMS has it. Each write carries an opId, so a
// write sent twice (a reply lost with the connection) counts once.
(function () {
  var box = document.querySelector('[data-ssc-progress]');
  if (!box || !window.fetch) return;
  var cfg = box.dataset;
  var api = cfg.cms + '/api/learning/';
  var KEY = 'ssc-progress-queue';
  var done = {};
  var required = cfg.required ? cfg.required.split(' ') : [];
  var status = box.querySelector('[data-ssc-status]');

  function queue() {
    try {
      return JSON.parse(localStorage.getItem(KEY)) || [];
    } catch (e) {
      return [];
    }
  }
  function save(ops) {
    try {
      localStorage.setItem(KEY, JSON.stringify(ops));
    } catch (e) {
      /* private mode: the write is only sent now */
    }
  }
  function newId() {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  function call(path, body) {
    return fetch(api + path, {
      method: body ? 'POST' : 'GET',
      credentials: 'include',
      headers: body ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  function show(offline) {
    var count = 0;
    required.forEach(function (slug) {
      if (done[slug]) count++;
    });
    var text = count && count === required.length ? cfg.textComplete : cfg.textProgress.replace('{done}', count).replace('{total}', required.length);
    if (offline) text += ' ' + cfg.textOffline;
    if (status) status.textContent = text;
    Object.keys(done).forEach(function (slug) {
      var li = document.querySelector('[data-ssc-lesson="' + slug + '"]');
      if (li && !li.querySelector('.ssc-done')) {
        var mark = document.createElement('strong');
        mark.className = 'ssc-done';
        mark.textContent = ' ✓ ' + cfg.textDone;
        li.appendChild(mark);
      }
    });
    var form = box.querySelector('[data-ssc-done-form]');
    if (form && done[cfg.lesson]) form.hidden = true;
  }

  // Sends the waiting writes in order; stops at the first that cannot reach the CMS.
  var sending = false;
  function flush() {
    if (sending) return;
    var ops = queue();
    if (!ops.length) return show(false);
    sending = true;
    call('lesson-done', ops[0]).then(
      function (res) {
        sending = false;
        // Sent (or refused for good, e.g. a lesson that is gone): either way it leaves the queue.
        if (res.ok || (res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 429)) {
          save(
            queue().filter(function (op) {
              return op.opId !== ops[0].opId;
            }),
          );
          flush();
        } else show(true);
      },
      function () {
        sending = false;
        show(true);
      },
    );
  }

  function markDone(how) {
    if (!cfg.lesson || done[cfg.lesson]) return;
    done[cfg.lesson] = 1;
    save(queue().concat([{ opId: newId(), course: cfg.course, lesson: cfg.lesson, locale: cfg.locale, how: how }]));
    show(!navigator.onLine);
    flush();
  }

  box.querySelector('[data-ssc-reader]').hidden = true;
  box.querySelector('[data-ssc-learner]').hidden = false;
  var form = box.querySelector('[data-ssc-done-form]');
  if (form)
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      markDone(cfg.kind === 'video' ? 'watched' : 'read');
    });
  var video = document.querySelector('video[data-ssc-lesson-video]');
  if (video)
    video.addEventListener('ended', function () {
      markDone('watched');
    });
  window.addEventListener('online', flush);

  queue().forEach(function (op) {
    if (op.course === cfg.course) done[op.lesson] = 1;
  });
  call('progress?course=' + encodeURIComponent(cfg.course))
    .then(function (res) {
      return res.ok ? res.json() : null;
    })
    .then(function (answer) {
      if (answer)
        answer.data.done.forEach(function (slug) {
          done[slug] = 1;
        });
      flush();
    })
    .catch(function () {
      show(true);
    });
})();
