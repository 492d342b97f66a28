# The commands: `make run`, `make test` and `make lint`. Everything else is `python -m app ...`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# With CI=true the suite also runs against the local MariaDB and Redis.
CI_DATABASE_URL ?= mysql://root:@127.0.0.1:3306/scrm_test
CI_REDIS_URL ?= redis://127.0.0.1:6379/9

.PHONY: run test lint install clean browser-deps fonts host-deps

run: $(VENV)/.installed fonts
	$(PY) -m app migrate
	$(PY) -m app seed
	$(PY) -m app serve --host 127.0.0.1 --port 8000

test: $(VENV)/.installed browser-deps fonts host-deps
	$(PY) -m pytest -q
ifeq ($(CI),true)
	DATABASE_URL=$(CI_DATABASE_URL) REDIS_URL=$(CI_REDIS_URL) $(PY) -m pytest -q --ignore=tests/nlp
endif

# Lint, format and types (settings in pyproject.toml); `ruff format .` fixes what the format check finds.
lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

install: $(VENV)/.installed fonts

# Posters (and the browser tests' screenshots) need a CJK font: Debian's fonts-noto-cjk (all of CJK, so rare characters in park and company
# names render too), installed when missing (as root, or with sudo).
fonts:
	@test -f /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc || { \
		SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends fonts-noto-cjk; }

# The browser tests drive Debian's chromium; installed here when missing (as root, or with sudo).
browser-deps:
	@test -x /usr/bin/chromium || { \
		SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium; }

# The two-host test (tests/deploy/test_two_hosts.py) makes hosts with iproute2, relays MariaDB and Redis to them with
# socat and puts Debian's nginx in front; installed here when missing (as root, or with sudo).
host-deps:
	@test -x /usr/sbin/nginx -a -x /usr/bin/socat -a -x /bin/ss || { \
		SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends nginx socat iproute2; }

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

clean:
	rm -rf $(VENV) data
