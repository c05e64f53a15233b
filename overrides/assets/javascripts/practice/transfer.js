/* 导出进度 / 导入进度 / 清除进度 on the 复习 page. An import is checked whole before anything
   is stored: a bad or foreign file is refused with the reason and the progress is unchanged. */

import { el } from "./dom.js";
import { mergeProgress, parseProgress } from "./records.js";
import { now } from "./time.js";

const MAX_BYTES = 5 * 1024 * 1024;

function fileDate(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function setupTransfer(store, root) {
  const status = el("p", { class: "kb-practice-message", role: "status" });
  const alert = el("p", { class: "kb-practice-problem", role: "alert" });
  const picker = el("input", { type: "file", accept: ".json,application/json", hidden: true, "aria-hidden": "true" });

  function say(ok, text) {
    status.textContent = ok ? text : "";
    alert.textContent = ok ? "" : text;
  }

  function exportProgress() {
    const data = { ...store.progress, exported: now().toISOString() };
    const blob = new Blob([JSON.stringify(data, null, 1)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: `kb-practice-${fileDate(now())}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(true, `已导出 ${store.count()} 条记录。`);
  }

  async function importFile(file) {
    if (file.size > MAX_BYTES) {
      say(false, `文件太大（${Math.round(file.size / 1024)} KB），不像是练习进度文件；没有导入任何内容。`);
      return;
    }
    const { progress, error } = parseProgress(await file.text());
    if (error) {
      say(false, `没有导入“${file.name}”：${error}`);
      return;
    }
    const { progress: merged, added, updated, kept } = mergeProgress(store.progress, progress);
    store.replace(merged);
    say(true, `已导入“${file.name}”：新增 ${added} 条，更新 ${updated} 条，本机较新而保留 ${kept} 条。`);
  }

  picker.addEventListener("change", () => {
    const [file] = picker.files;
    picker.value = "";
    if (file) importFile(file).catch((err) => say(false, `读取文件失败：${err.message}`));
  });

  function clearProgress() {
    const n = store.count();
    if (!n && !store.damaged) {
      say(true, "本浏览器里没有练习进度。");
      return;
    }
    const question = store.damaged
      ? "本浏览器里保存的练习进度已损坏，无法读取。确定清除它、重新开始吗？"
      : `确定清除本浏览器中的全部练习进度（${n} 条记录）吗？清除后无法恢复；需要的话先“导出进度”。`;
    if (!window.confirm(question)) {
      say(true, "没有清除。");
      return;
    }
    store.clear();
    say(true, "练习进度已清除。");
  }

  root.replaceChildren(
    el("div", { class: "kb-practice-row" }, [
      el("button", { type: "button", class: "kb-practice-button", onclick: exportProgress, text: "导出进度" }),
      el("button", { type: "button", class: "kb-practice-button", onclick: () => picker.click(), text: "导入进度" }),
      el("button", { type: "button", class: "kb-practice-button kb-practice-danger", onclick: clearProgress, text: "清除进度" }),
      picker,
    ]),
    status,
    alert,
  );
}
