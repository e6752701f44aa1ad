// Shared by the end-to-end tests (test/e2e/*.test.mjs).

/** Polls `check` until it returns a truthy value (which it resolves to), or fails with `what`. */
export async function until(check, what, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
