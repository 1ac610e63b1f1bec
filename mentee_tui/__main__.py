from mentee_tui.cli import main

raise SystemExit(main())
