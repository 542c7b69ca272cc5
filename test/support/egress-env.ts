// The test suite's receivers listen on 127.0.0.1 over plain http: the egress guard's
// development allowance (docs/security.md). Tests of the guard itself pass their own options.
process.env.DOORSTROOM_EGRESS_ALLOW_LOOPBACK ??= 'true';
