/* Days as the reader lives them: "due today" means due before local midnight tonight. */

const DAY = 24 * 60 * 60 * 1000;

export function now() {
  return new Date();
}

export function startOfDay(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

export function endOfDay(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1);
}

/** Whole calendar days from `from` to `to` (0 = the same day). */
export function daysBetween(from, to) {
  return Math.round((startOfDay(to) - startOfDay(from)) / DAY);
}

/** "6月3日", with the year when it is not this year. */
export function shortDate(date, today) {
  const md = `${date.getMonth() + 1}月${date.getDate()}日`;
  return date.getFullYear() === today.getFullYear() ? md : `${date.getFullYear()}年${md}`;
}

/** "今天" / "明天" / "3 天后（6月3日）" / "已过期 2 天". */
export function whenLabel(due, today) {
  const days = daysBetween(today, due);
  if (days < 0) return `已到期 ${-days} 天`;
  if (days === 0) return "今天";
  if (days === 1) return "明天";
  return `${days} 天后（${shortDate(due, today)}）`;
}
