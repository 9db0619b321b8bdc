import VPCommandLine
import VPCommandLinePostgres

// vp-tui's command line with PostgreSQL reached from this process.
LinkedPostgres.install()
VPTUI.start()
