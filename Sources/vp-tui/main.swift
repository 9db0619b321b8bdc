import VPCommandLine

// Built without the PostgreSQL client, whose size slows every start; a command that needs
// PostgreSQL hands itself over to vp-tui-postgres (PostgresHook).
VPTUI.start()
