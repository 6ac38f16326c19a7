"""The checking service shared by every front end (native host, CLI, HTTP service): the loaded
list and its indexes (engine), updates that reload it, the background schedule, status."""
