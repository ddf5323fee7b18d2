"""Test helpers shared by the test suite and the demo: loopback fixture-site server, throwaway PostgreSQL."""
