// The console lands with its own issue.
