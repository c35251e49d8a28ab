/*
 * A toy engine frame loop on the Fiberus job runtime: each frame updates
 * entities with a parallel for, runs three "systems" as jobs counted by one
 * counter (one of them fans out sub-jobs and waits on its own counter: the
 * wait suspends its fiber, never a worker thread), and waits for them all.
 */
#include "fiberus.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define ENTITIES 100000
#define FRAMES 60

typedef struct { float x, y, vx, vy; } entity;
static entity *ents;
static double energy[4];

static void integrate(int64_t i, void *arg) {
	float dt = *(float *)arg;
	entity *e = &ents[i];
	e->vy -= 9.81f * dt;
	e->x += e->vx * dt;
	e->y += e->vy * dt;
	if (e->y < 0) { e->y = -e->y; e->vy = -e->vy * 0.9f; }
}

static void sum_slice(void *arg) {
	long s = (long)arg;
	double k = 0;
	for (long i = s; i < ENTITIES; i += 4) k += 0.5 * (ents[i].vx * ents[i].vx + ents[i].vy * ents[i].vy);
	energy[s] = k;
}

static void physics_stats(void *arg) {
	(void)arg;
	fiberus_counter *c = fiberus_counter_new(0);
	for (long s = 0; s < 4; s++) fiberus_run(sum_slice, (void *)s, c);
	fiberus_wait(c, 0); /* suspends this job's fiber */
	fiberus_counter_free(c);
}

static long audio_frames, ai_ticks;
static void audio(void *arg) { (void)arg; audio_frames++; }
static void ai(void *arg) { (void)arg; ai_ticks++; fiberus_yield(); ai_ticks++; }

static int game_main(void *arg) {
	(void)arg;
	ents = malloc(sizeof(entity) * ENTITIES);
	for (int i = 0; i < ENTITIES; i++) ents[i] = (entity){(float)i, 10.0f + i % 7, 1.0f, 0.0f};
	float dt = 1.0f / 60;
	fiberus_counter *frame = fiberus_counter_new(0);
	for (int f = 0; f < FRAMES; f++) {
		fiberus_parallel_for(ENTITIES, 0, integrate, &dt);
		fiberus_run(physics_stats, NULL, frame);
		fiberus_run_on(0, audio, NULL, frame); /* pinned to the main thread */
		fiberus_run(ai, NULL, frame);
		fiberus_wait(frame, 0);
	}
	fiberus_counter_free(frame);
	double k = energy[0] + energy[1] + energy[2] + energy[3];
	printf("%d frames on %d workers: kinetic energy %.1f, audio %ld, ai %ld\n",
	       FRAMES, fiberus_worker_count(), k, audio_frames, ai_ticks);
	free(ents);
	return isfinite(k) && audio_frames == FRAMES && ai_ticks == 2 * FRAMES ? 0 : 1;
}

int main(void) {
	fiberus_config cfg;
	fiberus_config_default(&cfg);
	if (fiberus_init(&cfg) != 0) return 1;
	return fiberus_main(game_main, NULL);
}
