/* Practice keys: Space reveals, 1/2/3 rate, J/K next/previous. Keys typed into a field, pressed
   with a modifier, or (Space) on a focused button or link keep their usual meaning. */

const TYPING = "input, textarea, select, [contenteditable=''], [contenteditable='true']";
const ACTIVATES = "button, a[href], summary, [role='button'], [role='switch']";

/** `actions`: { active(): boolean, reveal(), rate(grade), next(), previous() }; each returns true if it acted. */
export function listenForKeys(actions) {
  document.addEventListener("keydown", (ev) => {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) return;
    const target = ev.target instanceof Element ? ev.target : null;
    if (target && target.closest(TYPING)) return;
    if (!actions.active()) return;
    let done = false;
    if (ev.key === " " || ev.code === "Space") {
      if (target && target.closest(ACTIVATES)) return;
      done = actions.reveal();
    } else if (["1", "2", "3"].includes(ev.key)) {
      done = actions.rate(Number(ev.key));
    } else if (ev.key === "j" || ev.key === "J") {
      done = actions.next();
    } else if (ev.key === "k" || ev.key === "K") {
      done = actions.previous();
    }
    if (done) ev.preventDefault();
  });
}
