// Progressive enhancement only: every page works without JavaScript.
import { initAll } from '/govuk/govuk-frontend.min.js';
initAll();

// The timeout warning: two minutes before an idle session ends, offer to keep it. Without JavaScript the page
// says how long a session lasts, and a form sent after it has ended is kept and offered back (nothing is lost).
const notice = document.getElementById('timeout-notice');
const warning = document.getElementById('timeout-warning');
if (notice && warning) {
  const idle = Number(notice.dataset.idleSeconds || 0) * 1000;
  const warn = Number(notice.dataset.warnSeconds || 120) * 1000;
  let timer;
  const arm = () => {
    clearTimeout(timer);
    if (idle > warn && warn > 0) {
      timer = setTimeout(() => { warning.hidden = false; document.getElementById('timeout-stay').focus(); }, idle - warn);
    }
  };
  document.getElementById('timeout-stay').addEventListener('click', () => {
    fetch('/account/session', { credentials: 'same-origin' }).then(() => { warning.hidden = true; arm(); });
  });
  arm();
}

// A table wider than the screen scrolls inside its own box (waymark.css); make that box reachable from the keyboard
// and named after the table's caption, as WCAG 2.1.1 asks of a scrolling region.
const fit = () => {
  document.querySelectorAll('main .govuk-table').forEach((table) => {
    const box = table.closest('.waymark-table-scroll') || table;
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && !box.hasAttribute('tabindex')) {
      box.setAttribute('tabindex', '0');
      box.setAttribute('role', 'region');
      const caption = table.querySelector('caption');
      box.setAttribute('aria-label', caption ? caption.textContent.trim() : 'Table');
    }
  });
};
fit();
window.addEventListener('resize', fit);
