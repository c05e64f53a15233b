/* Loads the FSRS scheduler (kb-practice-fsrs.js, next to this script) the first time it is needed. */

import { loadScript } from "./dom.js";

const here = document.currentScript ? document.currentScript.src : "";
let loading = null;

export function scheduler() {
  if (window.__kbPracticeScheduler) return Promise.resolve(window.__kbPracticeScheduler);
  if (!loading) {
    const src = new URL("kb-practice-fsrs.js", here || location.href).href;
    loading = loadScript(src).then(() => window.__kbPracticeScheduler, (err) => {
      loading = null;
      throw err;
    });
  }
  return loading;
}
