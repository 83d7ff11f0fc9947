// `firstpromoter/testing`: for testing code that works with FirstPromoter. A stateful fake of the API
// (startFakeFirstPromoter), a contract mock of the bundled specs (startContractMock), and webhook
// deliveries the way FirstPromoter sends them (sendWebhook). Node only (node:http); never imported by
// the other entries.
export { startFakeFirstPromoter, type FakeFirstPromoter, type FakeFirstPromoterOptions, type FakeSessions } from './testing/fake.js';
export type { FakeRecords, FakeRequest, RecordedEvent, RecordedPayment, RequestHeaders } from './testing/fake/records.js';
export type { PromoterSeed, ReferralSeed } from './testing/fake/seed.js';
export { FAULT_KINDS, type FaultKind, type CannedAnswer, type Injection, type FaultOptions, type RandomFaults, type FaultControls } from './testing/fake/faults.js';
export type { RateLimit } from './testing/fake/rate-limit.js';
export { startContractMock, type ContractMock, type ContractMockOptions } from './testing/contract-mock.js';
export type { ContractViolation } from './testing/violations.js';
export { PrismMissingError } from './testing/prism.js';
export { sendWebhook, type SendWebhookOptions, type WebhookPayload } from './testing/send-webhook.js';
export { webhookExample, legacyWebhookExample } from './testing/examples.js';
