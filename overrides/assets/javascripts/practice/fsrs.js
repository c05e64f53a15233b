/* The scheduler, bundled with ts-fsrs into its own file (kb-practice-fsrs.js) and loaded only when
   the reader practises. Day-based: a rating schedules the next review at least a day later. */

import { createEmptyCard, fsrs, generatorParameters, Rating } from "ts-fsrs";

const RATING = { 1: Rating.Good, 2: Rating.Hard, 3: Rating.Again }; // 会 / 模糊 / 不会
const scheduler = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: true }));

/** The stored record after rating `grade` (1 会, 2 模糊, 3 不会) at `when`; `record` null for a new card. */
function rate(record, grade, when) {
  const card = record
    ? { ...record, due: new Date(record.due), last_review: new Date(record.last_review) }
    : createEmptyCard(when);
  const next = scheduler.next(card, when, RATING[grade]).card;
  return {
    due: next.due.toISOString(),
    stability: next.stability,
    difficulty: next.difficulty,
    elapsed_days: next.elapsed_days,
    scheduled_days: next.scheduled_days,
    learning_steps: next.learning_steps,
    reps: next.reps,
    lapses: next.lapses,
    state: next.state,
    last_review: when.toISOString(),
    grade,
  };
}

window.__kbPracticeScheduler = { rate };
