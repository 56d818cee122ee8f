const config: { retries?: number } = {};
if (!config.retries) {
  throw new Error("retries not configured");
}
