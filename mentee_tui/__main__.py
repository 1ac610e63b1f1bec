from mentee_tui.cli.main import main

raise SystemExit(main())
