//! Helpers shared by the integration test suites.
