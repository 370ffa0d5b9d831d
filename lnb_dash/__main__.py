import sys

from lnb_dash.cli import main

sys.exit(main())
