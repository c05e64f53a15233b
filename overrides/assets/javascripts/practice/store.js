/* The reader's progress in this browser's localStorage: one JSON document, shared by every page. */

import { emptyProgress, newest, parseProgress } from "./records.js";

const KEY = "kb-practice";
const MODE_KEY = "kb-practice-mode";

export class Store {
  constructor() {
    this.listeners = [];
    this.problem = "";
    this.damaged = false;
    this.progress = this.read();
    window.addEventListener("storage", (ev) => {
      if (ev.key === KEY || ev.key === null) {
        this.progress = this.read();
        this.changed();
      }
    });
  }

  /** The stored progress; a damaged copy is reported and left in place (never silently overwritten). */
  read() {
    let text = null;
    try {
      text = window.localStorage.getItem(KEY);
    } catch {
      this.problem = "这个浏览器不允许本站保存数据（localStorage 不可用），练习进度无法保存。";
      return emptyProgress();
    }
    if (text === null) return emptyProgress();
    const { progress, error } = parseProgress(text);
    if (error) {
      this.problem = `本浏览器里保存的练习进度已损坏：${error} 可以在“复习”页清除进度后重新开始。`;
      this.damaged = true;
      return emptyProgress();
    }
    this.problem = "";
    this.damaged = false;
    return progress;
  }

  write() {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(this.progress));
      return true;
    } catch {
      this.problem = "无法保存练习进度（浏览器存储已满或被禁用）。";
      return false;
    }
  }

  onChange(fn) {
    this.listeners.push(fn);
  }

  changed() {
    for (const fn of this.listeners) fn();
  }

  /** A card's record: the newest among the ids it is stored under. */
  get(members) {
    return newest(members.map((id) => this.progress.cards[id]));
  }

  /** Store `record` under every id of the card and tell every view; false (nothing changed) if it cannot be saved. */
  put(members, record) {
    if (this.damaged) return false;
    const previous = members.map((id) => this.progress.cards[id]);
    for (const id of members) this.progress.cards[id] = record;
    if (!this.write()) {
      members.forEach((id, i) => {
        if (previous[i]) this.progress.cards[id] = previous[i];
        else delete this.progress.cards[id];
      });
      return false;
    }
    this.changed();
    return true;
  }

  replace(progress) {
    this.progress = progress;
    this.damaged = false;
    this.problem = "";
    this.write();
    this.changed();
  }

  clear() {
    try {
      window.localStorage.removeItem(KEY);
    } catch {
      /* nothing stored */
    }
    this.progress = emptyProgress();
    this.damaged = false;
    this.problem = "";
    this.changed();
  }

  count() {
    return Object.keys(this.progress.cards).length;
  }

  get practising() {
    try {
      return window.localStorage.getItem(MODE_KEY) === "on";
    } catch {
      return false;
    }
  }

  set practising(on) {
    try {
      if (on) window.localStorage.setItem(MODE_KEY, "on");
      else window.localStorage.removeItem(MODE_KEY);
    } catch {
      /* the switch still works on this page */
    }
  }
}
