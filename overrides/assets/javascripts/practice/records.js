/* The progress file: its format, its checks, and how two of them merge. Pure functions. */

export const FORMAT = "llm-interview-kb/practice";
export const VERSION = 1;
export const GRADES = { 1: "会", 2: "模糊", 3: "不会" };
const MAX_ERRORS_SHOWN = 3;
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const DATE_FIELDS = ["due", "last_review"];
const COUNT_FIELDS = ["elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses"];

export function emptyProgress() {
  return { format: FORMAT, version: VERSION, cards: {} };
}

function isDate(value) {
  return typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value));
}

/** What is wrong with one stored record, or "" when it is well formed. */
export function recordProblem(record) {
  if (!record || typeof record !== "object" || Array.isArray(record)) return "不是一条记录（应为对象）";
  for (const name of DATE_FIELDS) {
    if (!isDate(record[name])) return `${name} 不是日期时间（ISO 8601）`;
  }
  for (const name of COUNT_FIELDS) {
    if (!Number.isInteger(record[name]) || record[name] < 0) return `${name} 应为非负整数`;
  }
  if (typeof record.stability !== "number" || !(record.stability >= 0) || !Number.isFinite(record.stability)) {
    return "stability 应为非负数";
  }
  if (typeof record.difficulty !== "number" || !(record.difficulty >= 1 && record.difficulty <= 10)) {
    return "difficulty 应为 1 到 10 之间的数";
  }
  if (![0, 1, 2, 3].includes(record.state)) return "state 应为 0–3";
  if (!(record.grade in GRADES)) return "grade 应为 1（会）、2（模糊）或 3（不会）";
  return "";
}

/**
 * Read a progress file's text. Returns `{ progress }` when every record is well formed,
 * otherwise `{ error }`: a message for the reader saying what is wrong (nothing is changed).
 */
export function parseProgress(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { error: `文件不是有效的 JSON（${err.message}）。请选择本站“导出进度”得到的 .json 文件。` };
  }
  if (!data || typeof data !== "object" || data.format !== FORMAT) {
    return { error: `这不是本站导出的练习进度文件（缺少 "format": "${FORMAT}"）。请选择本站“导出进度”得到的文件。` };
  }
  if (data.version !== VERSION) {
    const newer = typeof data.version === "number" && data.version > VERSION;
    return {
      error: `进度文件的版本是 ${JSON.stringify(data.version)}，本站只认识版本 ${VERSION}。` +
        (newer ? "它来自更新的站点：请在更新后的站点导入。" : "文件可能已损坏。"),
    };
  }
  if (!data.cards || typeof data.cards !== "object" || Array.isArray(data.cards)) {
    return { error: "进度文件缺少 cards（各题的记录），文件可能已损坏。" };
  }
  const problems = [];
  for (const [id, record] of Object.entries(data.cards)) {
    const problem = ID.test(id) ? recordProblem(record) : "题目 id 的写法不对";
    if (problem) problems.push(`${id}：${problem}`);
  }
  if (problems.length) {
    const shown = problems.slice(0, MAX_ERRORS_SHOWN).join("；");
    const more = problems.length > MAX_ERRORS_SHOWN ? ` 等 ${problems.length} 处` : "";
    return { error: `进度文件有 ${problems.length} 条记录不对（${shown}${more}），没有导入任何内容。` };
  }
  return { progress: { format: FORMAT, version: VERSION, cards: data.cards } };
}

function reviewed(record) {
  return record ? Date.parse(record.last_review) : -Infinity;
}

/** The record reviewed last among `records` (undefined entries skipped), or null. */
export function newest(records) {
  let best = null;
  for (const record of records) {
    if (record && reviewed(record) > reviewed(best)) best = record;
  }
  return best;
}

/**
 * `incoming` merged into `current`: for each question the record reviewed last wins.
 * Returns the merged cards and counts of what changed.
 */
export function mergeProgress(current, incoming) {
  const cards = { ...current.cards };
  let added = 0;
  let updated = 0;
  let kept = 0;
  for (const [id, record] of Object.entries(incoming.cards)) {
    const mine = cards[id];
    if (!mine) {
      cards[id] = record;
      added += 1;
    } else if (reviewed(record) > reviewed(mine)) {
      cards[id] = record;
      updated += 1;
    } else {
      kept += 1;
    }
  }
  return { progress: { format: FORMAT, version: VERSION, cards }, added, updated, kept };
}
