// The sidebar's date field (统计截止日期): Enter applies a typed date, and a page link clicked
// while a typed date is still pending applies the date first, then opens the page (issue 12).
//
// Why: Streamlit's date field applies a typed date only when the focus leaves it, and sends it a
// few tens of milliseconds after the blur, while a page link sends its page switch at once. The
// switch arrives first and the date second, still naming the old page: the server keeps the old
// page and the click is lost. Holding the click only until the date is sent is not enough either:
// when the two requests reach the server before it starts the first, it merges them and the page
// switch, which carries no sidebar values, drops the date. So the click is held until the server
// has drawn the sidebar with the typed date (the page writes the date it applied next to this
// script, data-xuexi-as-of), then made again: the date is in, and the page opens.
(() => {
  if (window.__xuexiDateField) return;
  window.__xuexiDateField = true;
  const FIELD = "[data-testid=stDateInputField]";
  const LINK = "a[data-testid=stSidebarNavLink], [data-testid=stPageLink] a";
  const APPLIED = "[data-xuexi-as-of]";
  const MAX_HOLD_MS = 3000; // a date the server does not take (never seen): go anyway

  const fieldOf = (node) => (node && node.closest ? node.closest(FIELD) : null);
  // The date the field shows (Streamlit keeps it in a hidden date input as it is typed), and the
  // date the server last applied.
  const shown = (field) => field.querySelector("input[type=date]")?.value || "";
  const applied = () => document.querySelector(APPLIED)?.getAttribute("data-xuexi-as-of") || "";

  const commit = (target) =>
    target.dispatchEvent(new FocusEvent("focusout", { bubbles: true, relatedTarget: document.body }));

  // Enter leaves the field the way a click elsewhere does, so the typed date applies.
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Enter") return;
      const field = fieldOf(event.target);
      if (!field) return;
      event.preventDefault();
      commit(event.target);
    },
    true,
  );

  let held = null; // the link pressed while a typed date was pending, and that date
  window.addEventListener(
    "pointerdown",
    (event) => {
      held = null;
      const link = event.target.closest && event.target.closest(LINK);
      const field = fieldOf(document.activeElement);
      const date = field ? shown(field) : "";
      if (link && date && date !== applied()) held = { link, date };
    },
    true,
  );
  window.addEventListener(
    "click",
    (event) => {
      if (!held || !event.target.closest || event.target.closest(LINK) !== held.link) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const { link, date } = held;
      held = null;
      const since = performance.now();
      const again = () => {
        if (applied() !== date && performance.now() - since < MAX_HOLD_MS) {
          setTimeout(again, 20);
          return;
        }
        // The same link, found again should the sidebar have been drawn anew meanwhile.
        const href = link.getAttribute("href");
        const target = link.isConnected
          ? link
          : [...document.querySelectorAll(LINK)].find((a) => a.getAttribute("href") === href);
        if (target) target.click();
      };
      again();
    },
    true,
  );
})();
