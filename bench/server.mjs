// Loopback keep-alive server for the benchmarks, run in its own process so its work does not share the
// client's event loop. Answers every POST with the same small JSON event FirstPromoter's v2 sale returns
// in shape; prints its port on stdout and exits when stdin closes. It is deliberately not the fake
// FirstPromoter of firstpromoter/testing: the fake routes by the operation table, checks auth, dedupes,
// records every request and renders the sale with its commission, about 1.5× this server's time per
// call here (and growing state), which both sides of every ratio would pay, so the ratios would drift
// towards 1 and stop measuring the client.
import { createServer } from 'node:http';

const event = JSON.stringify({
  id: 45831949, etype: 'sale', sale_amount: 1999, original_sale_amount: 1999, original_sale_currency: null,
  event_id: 'in_bench', plan_id: 'pro-monthly', billing_period: null, created_at: '2025-04-25T09:39:42.289Z',
  referral: { id: 29203686, email: 'jane.doe@example.com', uid: null }, commissions: [],
});

const server = createServer({ keepAlive: true, keepAliveTimeout: 60_000 }, (req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(event) });
    res.end(event);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
