// A tiny endpoint that proves test servers are mounted: GET /__test/echo?x=1 answers the query as JSON.
export const middleware = [
  async (ctx, next) => {
    if (ctx.path !== '/__test/echo') return next();
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(Object.fromEntries(new URLSearchParams(ctx.querystring)));
  },
];
