/* Small DOM helpers: build elements without innerHTML for our own controls. */

/** An element with attributes (`class`, `text`, `on<event>` handled specially) and children. */
export function el(tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children || []) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }
  return node;
}

/** Text that screen readers read but the eye does not see (e.g. "题到期" after a number). */
export function srOnly(text) {
  return el("span", { class: "kb-practice-sr", text });
}

/** The site root as an absolute URL, from Material's page config (works over http and file://). */
export function siteRoot() {
  const config = document.getElementById("__config");
  const base = config ? JSON.parse(config.textContent).base : ".";
  return new URL(base.replace(/\/?$/, "/"), location.href);
}

/** `url` without query and hash, and without a final `index.html`: two links to one page compare equal. */
export function pageKey(url) {
  const u = new URL(url, location.href);
  return (u.origin === "null" ? u.protocol : u.origin) + u.pathname.replace(/index\.html$/, "");
}

/** Load a classic script (works from file://, unlike fetch and module scripts). */
export function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = el("script", { src });
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`无法加载 ${src}`));
    document.head.append(script);
  });
}

export function prefersReducedMotion() {
  return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** Under the page's title and introduction: before its first h2, or else right after the h1. */
export function placeBeforeFirstQuestion(article, node) {
  const h2 = article.querySelector(":scope > h2");
  if (h2) h2.before(node);
  else (article.querySelector("h1") || article.firstElementChild).after(node);
}
