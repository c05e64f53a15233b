/* Practice mode, bundled at build time into assets/javascripts/kb-practice.js (see kb/practice/bundle.py).
   Reads the catalogue the build wrote (assets/practice/catalog.js) and the reader's progress
   (localStorage); nothing leaves the browser. */

import { Catalog } from "./catalog.js";
import { siteRoot } from "./dom.js";
import { setupHome } from "./home.js";
import { setupNavMarks } from "./nav-marks.js";
import { setupPagePractice } from "./page-practice.js";
import { setupReviewApp } from "./review-app.js";
import { Store } from "./store.js";
import { setupTransfer } from "./transfer.js";

function start() {
  if (!window.__kbPracticeCatalog) return;
  const t0 = performance.now();
  const catalog = new Catalog(window.__kbPracticeCatalog, siteRoot());
  const store = new Store();
  for (const note of document.querySelectorAll(".kb-practice-nojs")) note.hidden = true;
  setupNavMarks(catalog, store);
  setupHome(catalog, store);
  setupPagePractice(catalog, store);
  const app = document.querySelector(".kb-practice-app");
  if (app) setupReviewApp(catalog, store, app);
  const transfer = document.querySelector(".kb-practice-transfer");
  if (transfer) setupTransfer(store, transfer);
  window.__kbPracticeSetupMs = performance.now() - t0; // read by benchmarks/practice_size.py
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
