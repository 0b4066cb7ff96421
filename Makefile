# The whole build, non-recursive. Needs GNU make and a C compiler; see `make help`.

this-makefile := $(abspath $(lastword $(MAKEFILE_LIST)))
BB_SRCTREE ?= $(patsubst %/,%,$(dir $(this-makefile)))

# O=DIR: build out of tree. Re-run make inside DIR with this Makefile.
ifneq ($(O),)
ifneq ($(abspath $(O)),$(CURDIR))
MAKEFLAGS += --no-print-directory
_all:
$(filter-out _all _submake,$(MAKECMDGOALS)) _all: _submake
	@:
_submake:
	@mkdir -p $(O)
	@$(MAKE) -C $(O) -f $(this-makefile) BB_SRCTREE=$(BB_SRCTREE) O= $(MAKECMDGOALS)
.PHONY: _all _submake $(MAKECMDGOALS)
skip-makefile := 1
endif
endif

ifndef skip-makefile

S := $(BB_SRCTREE)


ifeq ($(V),1)
Q :=
quiet = @:
else
Q := @
quiet = @printf '  %-8s %s\n'
MAKEFLAGS += --no-print-directory
endif

# Configuration targets and those that need no .config.
config-targets := defconfig allnoconfig allyesconfig allbareconfig randconfig oldconfig \
	olddefconfig menuconfig
no-config-targets := $(config-targets) clean distclean help
ifneq ($(filter-out $(no-config-targets),$(or $(MAKECMDGOALS),all)),)
need-config := 1
-include .config
endif

CROSS_COMPILE ?= $(patsubst "%",%,$(CONFIG_CROSS_COMPILER_PREFIX))
ifeq ($(origin CC),default)
CC := $(CROSS_COMPILE)gcc
endif
HOSTCC ?= cc
NM ?= $(CROSS_COMPILE)nm
STRIP ?= $(CROSS_COMPILE)strip
PYTHON3 ?= $(firstword $(wildcard /usr/bin/python3) python3)

unquote = $(patsubst "%",%,$(1))
CFLAGS ?= $(if $(CONFIG_DEBUG),-O0 -g,-Os)
BB_CFLAGS := -std=gnu99 -Wall -Wextra -funsigned-char -fno-strict-aliasing \
	-ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables \
	-fno-unwind-tables -D_GNU_SOURCE -D_FILE_OFFSET_BITS=64 \
	-I$(S)/include -I$(S)/core -Igenerated \
	$(if $(CONFIG_WERROR),-Werror) $(call unquote,$(CONFIG_EXTRA_CFLAGS)) $(EXTRA_CFLAGS)
BB_LDFLAGS := -Wl,--gc-sections -Wl,-z,now $(if $(CONFIG_STATIC),-static) \
	$(call unquote,$(CONFIG_EXTRA_LDFLAGS)) $(LDFLAGS)
BB_LDLIBS := $(call unquote,$(CONFIG_EXTRA_LDLIBS)) $(LDLIBS)

# crypt() for cryptpw and mkpasswd: in libcrypt (libxcrypt) or in the libc itself. When
# neither links with this compiler, they are built without it and say so when run.
ifneq ($(filter y,$(CONFIG_CRYPTPW) $(CONFIG_MKPASSWD)),)
crypt-links = $(shell echo 'int main(void){return !crypt("a","aa");}' | $(CC) -D_GNU_SOURCE \
	-include unistd.h $(CFLAGS) $(BB_LDFLAGS) -x c -o /dev/null - $(1) >/dev/null 2>&1 && echo y)
CRYPT_LIB := $(if $(call crypt-links,-lcrypt),-lcrypt,$(if $(call crypt-links,),libc))
ifneq ($(CRYPT_LIB),)
BB_LDLIBS += $(filter-out libc,$(CRYPT_LIB))
applets/loginutils/cryptpw.o: BB_CFLAGS += -DHAVE_CRYPT
endif
endif
HOST_CFLAGS := -O2 -Wall -Wextra

APPLET_SRCS := $(sort $(wildcard $(S)/applets/*/*.c))
CORE_OBJS := $(patsubst $(S)/%.c,%.o,$(wildcard $(S)/core/*.c $(S)/libbb/*.c))
UNIT_OBJS := $(patsubst $(S)/%.c,%.o,$(wildcard $(S)/tests/unit/*.c))
KCONFIG := scripts/kconfig
GEN := scripts/gen_applets

.PHONY: all $(config-targets) install uninstall clean distclean docs sizes baseline \
	bloatcheck test help unittest bench fuzz
.DEFAULT_GOAL := all

all: busybox

# ---- configuration ----

$(KCONFIG): $(S)/scripts/kconfig.c
	$(quiet) HOSTCC $@
	$(Q)mkdir -p scripts && $(HOSTCC) $(HOST_CFLAGS) -o $@ $<

$(GEN): $(S)/scripts/gen_applets.c $(S)/core/optspec.h
	$(quiet) HOSTCC $@
	$(Q)mkdir -p scripts && $(HOSTCC) $(HOST_CFLAGS) -o $@ $<

generated/Kconfig: $(S)/Config.in $(APPLET_SRCS) $(GEN)
	$(Q)mkdir -p generated
	$(Q)$(GEN) kconfig $@ $(S)/Config.in $(APPLET_SRCS)

$(filter-out menuconfig,$(config-targets)): $(KCONFIG) generated/Kconfig
	$(quiet) CONFIG $@
	$(Q)$(KCONFIG) $@ generated/Kconfig

menuconfig: generated/Kconfig
	$(Q)if $(PYTHON3) -c 'import kconfiglib' 2>/dev/null; then \
		KCONFIG_CONFIG=.config $(PYTHON3) -m menuconfig generated/Kconfig; \
	elif command -v kconfig-mconf >/dev/null; then \
		KCONFIG_CONFIG=.config kconfig-mconf generated/Kconfig; \
	else \
		echo "make menuconfig needs Kconfiglib (apt-get install python3-kconfiglib)" >&2; \
		echo "or kconfig-mconf (apt-get install kconfig-frontends-nox)" >&2; exit 1; \
	fi

ifdef need-config
# A new applet or option since the last configuration gets its default, as olddefconfig.
.config: generated/Kconfig $(KCONFIG)
	$(Q)if [ -f .config ]; then \
		$(KCONFIG) olddefconfig generated/Kconfig && touch .config; \
	else \
		echo "No .config found: running 'make defconfig' first."; \
		$(KCONFIG) defconfig generated/Kconfig; \
	fi

generated/autoconf.h: .config generated/Kconfig $(KCONFIG)
	$(Q)$(KCONFIG) autoconf generated/Kconfig $@

# The applet table, usage texts, flags/<applet>.h and the list of objects to build.
generated/objs.mk: .config $(APPLET_SRCS) $(GEN)
	$(quiet) GEN generated
	$(Q)$(GEN) build generated .config $(APPLET_SRCS)
	@touch $@
-include generated/objs.mk
endif

# ---- the binary ----

OBJS := $(CORE_OBJS) $(APPLET_OBJS) generated/applet_table.o
DEPS := $(OBJS:.o=.d) $(UNIT_OBJS:.o=.d)
-include $(DEPS)

$(CORE_OBJS) $(APPLET_OBJS) $(UNIT_OBJS): %.o: $(S)/%.c generated/autoconf.h generated/objs.mk
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(BB_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

generated/applet_table.o: generated/applet_table.c generated/autoconf.h
	$(quiet) CC $@
	$(Q)$(CC) $(BB_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

busybox_unstripped: $(OBJS)
	$(quiet) LINK $@
	$(Q)$(CC) $(BB_CFLAGS) $(CFLAGS) $(BB_LDFLAGS) -o $@ $(OBJS) $(BB_LDLIBS)

busybox: busybox_unstripped
	$(quiet) STRIP $@
	$(Q)$(if $(CONFIG_DEBUG),cp $< $@,$(STRIP) -s -R .comment -o $@ $<)

# ---- tests ----

# libbb unit tests and the NOFORK checks: everything but main() linked into one program.
tests/unit/unittest: $(UNIT_OBJS) $(filter-out core/main.o,$(OBJS))
	$(quiet) LINK $@
	$(Q)$(CC) $(BB_CFLAGS) $(CFLAGS) $(BB_LDFLAGS) -o $@ $^ $(BB_LDLIBS)

unittest: tests/unit/unittest

test: busybox tests/unit/unittest
	$(Q)BUSYBOX=$(CURDIR)/busybox UNITTEST=$(CURDIR)/tests/unit/unittest \
		CONFIG=$(CURDIR)/.config SRCDIR=$(S) BUILDDIR=$(CURDIR) KCONFIG=$(CURDIR)/$(KCONFIG) \
		$(SHELL) $(S)/tests/run $(T)

# ---- install ----

# CONFIG_PREFIX comes from .config (Kconfig symbol PREFIX); the command line overrides it.
INSTALL_PREFIX := $(or $(call unquote,$(CONFIG_PREFIX)),./_install)
install: busybox
	$(Q)$(SHELL) $(S)/scripts/install.sh install busybox generated/busybox.links \
		"$(INSTALL_PREFIX)" $(if $(CONFIG_INSTALL_APPLET_HARDLINKS),--hardlinks) \
		$(if $(CONFIG_INSTALL_APPLET_DONT),--binary-only)

uninstall: generated/objs.mk
	$(Q)$(SHELL) $(S)/scripts/install.sh uninstall busybox generated/busybox.links \
		"$(INSTALL_PREFIX)"

# ---- docs and size ----

docs: generated/objs.mk
	$(quiet) GEN generated/docs
	$(Q)mkdir -p generated/docs
	$(Q)$(GEN) docs generated/docs/busybox .config $(APPLET_SRCS)

sizes: busybox_unstripped
	$(Q)$(NM) --size-sort -S -t d busybox_unstripped | \
		awk '{ printf "%8d %s %s\n", $$2, $$3, $$4; total += $$2 } END { print total, "total" }'

baseline: busybox_unstripped
	$(Q)cp busybox_unstripped busybox_baseline
	@echo "Saved busybox_baseline for make bloatcheck."

bloatcheck: busybox_unstripped
	@test -f busybox_baseline || { echo "No baseline: run 'make baseline' first." >&2; exit 1; }
	$(Q)NM=$(NM) $(SHELL) $(S)/scripts/bloatcheck.sh busybox_baseline busybox_unstripped

# Fuzz targets (clang with libFuzzer): generated/fuzz/<name>, run with -max_total_time=N.
FUZZ_LIBBB := $(S)/core/options.c $(wildcard $(S)/libbb/*.c)
generated/fuzz/%: $(S)/fuzz/%.c $(FUZZ_LIBBB) generated/autoconf.h
	$(quiet) FUZZ $@
	$(Q)mkdir -p $(@D)
	$(Q)clang -g -O1 -fsanitize=fuzzer,address,undefined $(filter-out -ffunction-sections \
		-fdata-sections,$(BB_CFLAGS)) -o $@ $< $(FUZZ_LIBBB)

fuzz: $(patsubst $(S)/fuzz/%.c,generated/fuzz/%,$(wildcard $(S)/fuzz/*.c))

bench: busybox
	$(Q)BUSYBOX=$(CURDIR)/busybox HOSTCC=$(HOSTCC) $(SHELL) $(S)/bench/startup.sh

# ---- cleaning and help ----

clean:
	$(Q)rm -rf busybox busybox_unstripped generated scripts/kconfig scripts/gen_applets \
		core/*.[od] libbb/*.[od] applets/*/*.[od] tests/unit/*.[od] tests/unit/unittest \
		_install

distclean: clean
	$(Q)rm -f .config .config.old busybox_baseline

help:
	@echo 'Configuration:'
	@echo '  defconfig       default configuration'
	@echo '  allnoconfig     everything off'
	@echo '  allyesconfig    everything on'
	@echo '  allbareconfig   every applet on, every FEATURE_ option off'
	@echo '  randconfig      random configuration (KCONFIG_SEED=N to repeat one)'
	@echo '  oldconfig       update .config, asking about new options on a terminal'
	@echo '  olddefconfig    update .config, new options get their defaults'
	@echo '  menuconfig      interactive (Kconfiglib or kconfig-mconf)'
	@echo 'Building:'
	@echo '  all             build ./busybox (the default; runs defconfig if no .config)'
	@echo '  install         links under CONFIG_PREFIX (default ./_install)'
	@echo '  uninstall       remove what install created'
	@echo '  docs            generated/docs/busybox.{1,html,txt} from the usage texts'
	@echo '  clean           remove build results;  distclean: also .config'
	@echo 'Checking:'
	@echo '  test            run the test suite (T="cat echo" for some applets only)'
	@echo '  sizes           symbol sizes of busybox_unstripped'
	@echo '  baseline        save the current binary for bloatcheck'
	@echo '  bloatcheck      size difference against the baseline, symbol by symbol'
	@echo '  bench           start-up time and memory against the installed peers'
	@echo '  fuzz            build the fuzz targets (clang): generated/fuzz/*'
	@echo 'Variables: V=1 O=DIR CC HOSTCC CROSS_COMPILE CFLAGS LDFLAGS EXTRA_CFLAGS CONFIG_PREFIX'

endif
