"""Chat and text checks: who a message claims to speak for, and whether its channels and asks fit that claim."""
