/**
 * Resolves in the page once it has been idle for three idle periods in a row, each with at least
 * 40 ms to spare: what the last load started (its strips, alarms and frame calls) has finished. A
 * string, so the page does not see the bundler's helpers.
 */
export const SETTLED = `new Promise((resolve) => {
  let quiet = 0;
  function check(deadline) {
    quiet = deadline.timeRemaining() >= 40 ? quiet + 1 : 0;
    if (quiet >= 3) resolve();
    else requestIdleCallback(check);
  }
  requestIdleCallback(check);
})`;
