# jobs/jobs.mk: the static job runtime for engines (included by the root
# Makefile). `make libfiberus_jobs` builds bin/libfiberus_jobs.a from fibers/,
# jobs/, counters/ and the C API in sdk/capi/; link it with -lpthread and
# include sdk/include/fiberus.h.
# FIBERUS_JOBS_OUT: where the archive and its objects go (jobs_test.go builds
# into a temporary folder).
FIBERUS_JOBS_OUT ?= bin
FIBERUS_JOBS_SRC := $(wildcard fibers/*.c fibers/*.S jobs/*.c counters/*.c) sdk/capi/fiberus.c
FIBERUS_JOBS_OBJ := $(patsubst %,$(FIBERUS_JOBS_OUT)/obj/jobs/%.o,$(FIBERUS_JOBS_SRC))
# -fPIC: an engine may link the library into a shared object (a plugin).
FIBERUS_JOBS_CFLAGS := -std=gnu11 -O2 -g -fwrapv -fno-strict-aliasing -fPIC -Wall \
	-Ifibers -Ijobs -Icounters -Isdk/include

.PHONY: libfiberus_jobs
libfiberus_jobs: $(FIBERUS_JOBS_OUT)/libfiberus_jobs.a

$(FIBERUS_JOBS_OUT)/libfiberus_jobs.a: $(FIBERUS_JOBS_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(FIBERUS_JOBS_OUT)/obj/jobs/%.o: % $(wildcard fibers/*.h jobs/*.h counters/*.h sdk/include/fiberus.h)
	@mkdir -p $(dir $@)
	$(CC) $(FIBERUS_JOBS_CFLAGS) -c $< -o $@
