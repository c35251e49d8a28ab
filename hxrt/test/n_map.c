/* n_map.c: the maps' HashLink iteration order, growth, removal, clear. */
#include "n_test.h"

static char *join_keys(varray *a) {
	static char buf[4096];
	buf[0] = 0;
	for (int i = 0; i < a->size; i++) {
		if (i) strcat(buf, ",");
		strcat(buf, nt_s(hx_aptr(a, vbyte *)[i]));
	}
	return buf;
}

static vdynamic *box(int v) {
	vdynamic *d = hx_alloc_dynamic(&hxt_i32);
	d->v.i = v;
	return d;
}

int main(int argc, char **argv) {
	nt_init(argc, argv);

	/* the order observed on HashLink for this insertion sequence */
	hxn_map *m = hxn_std_hballoc();
	const char *ins[] = {"zeta", "alpha", "mid", "beta", "omega", "k1", "k2"};
	for (int i = 0; i < 7; i++) hxn_std_hbset(m, (vbyte *)nt_u(ins[i]), box(i));
	CHECK(strcmp(join_keys(hxn_std_hbkeys(m)), "zeta,beta,k1,omega,k2,mid,alpha") == 0);
	fprintf(stderr, "keys: %s\n", join_keys(hxn_std_hbkeys(m)));
	varray *vals = hxn_std_hbvalues(m);
	int wantv[] = {0, 3, 5, 4, 6, 2, 1};
	for (int i = 0; i < 7; i++) CHECK_EQ_INT(hx_aptr(vals, vdynamic *)[i]->v.i, wantv[i]);
	CHECK_EQ_INT(hxn_std_hbsize(m), 7);
	/* lookups compare contents, not pointers */
	CHECK(hxn_std_hbexists(m, (vbyte *)nt_u("mid")));
	CHECK(!hxn_std_hbexists(m, (vbyte *)nt_u("mi")));
	CHECK_EQ_INT(hxn_std_hbget(m, (vbyte *)nt_u("omega"))->v.i, 4);
	CHECK(hxn_std_hbget(m, (vbyte *)nt_u("nope")) == NULL);
	hxn_std_hbset(m, (vbyte *)nt_u("mid"), box(42)); /* replace keeps the order */
	CHECK(strcmp(join_keys(hxn_std_hbkeys(m)), "zeta,beta,k1,omega,k2,mid,alpha") == 0);
	CHECK_EQ_INT(hxn_std_hbget(m, (vbyte *)nt_u("mid"))->v.i, 42);
	CHECK(hxn_std_hbremove(m, (vbyte *)nt_u("k1")));
	CHECK(!hxn_std_hbremove(m, (vbyte *)nt_u("k1")));
	CHECK_EQ_INT(hxn_std_hbsize(m), 6);
	CHECK(strcmp(join_keys(hxn_std_hbkeys(m)), "zeta,beta,omega,k2,mid,alpha") == 0);
	hxn_std_hbclear(m);
	CHECK_EQ_INT(hxn_std_hbsize(m), 0);
	CHECK_EQ_INT(hxn_std_hbkeys(m)->size, 0);
	CHECK(hxn_std_hbget(m, (vbyte *)nt_u("zeta")) == NULL);
	CHECK(!hxn_std_hbremove(m, (vbyte *)nt_u("zeta")));
	hxn_std_hbset(m, (vbyte *)nt_u("x"), box(1));
	CHECK_EQ_INT(hxn_std_hbsize(m), 1);

	/* IntMap: many keys, removals, re-insertions; everything stays findable
	 * and keys() lists each live key once */
	hxn_map *im = hxn_std_hialloc();
	for (int i = 0; i < 1000; i++) hxn_std_hiset(im, i * 7919 - 3000, box(i));
	for (int i = 0; i < 1000; i += 3) CHECK(hxn_std_hiremove(im, i * 7919 - 3000));
	for (int i = 0; i < 1000; i += 6) hxn_std_hiset(im, i * 7919 - 3000, box(-i));
	int live = 0;
	for (int i = 0; i < 1000; i++) {
		vdynamic *v = hxn_std_higet(im, i * 7919 - 3000);
		if (i % 3 == 0 && i % 6 != 0) CHECK(v == NULL);
		else {
			live++;
			CHECK(v && v->v.i == (i % 6 == 0 ? -i : i));
		}
	}
	CHECK_EQ_INT(hxn_std_hisize(im), live);
	varray *ik = hxn_std_hikeys(im);
	CHECK_EQ_INT(ik->size, live);
	long long sum = 0, want = 0;
	for (int i = 0; i < ik->size; i++) sum += hx_aptr(ik, int32_t)[i];
	for (int i = 0; i < 1000; i++) if (!(i % 3 == 0 && i % 6 != 0)) want += i * 7919 - 3000;
	CHECK_EQ_INT(sum, want);
	/* small IntMap order: 3 entries in 7 cells, chains head-first */
	hxn_map *sm = hxn_std_hialloc();
	int32_t sk[] = {1, 8, 15, 2, -1};
	for (int i = 0; i < 5; i++) hxn_std_hiset(sm, sk[i], box(i));
	/* cells: 5 entries -> capacity 5, 7 cells; -1 is 0xFFFFFFFF % 7 = 3 */
	varray *sko = hxn_std_hikeys(sm);
	int32_t wantk[] = {15, 8, 1, 2, -1};
	CHECK_EQ_INT(sko->size, 5);
	for (int i = 0; i < 5; i++) CHECK_EQ_INT(hx_aptr(sko, int32_t)[i], wantk[i]);

	/* Int64 keys */
	hxn_map *lm = hxn_std_hi64alloc();
	hxn_std_hi64set(lm, 1LL << 40, box(1));
	hxn_std_hi64set(lm, (1LL << 40) + 1, box(2));
	hxn_std_hi64set(lm, -5, box(3));
	CHECK_EQ_INT(hxn_std_hi64get(lm, 1LL << 40)->v.i, 1);
	CHECK(hxn_std_hi64get(lm, 0) == NULL);
	CHECK(hxn_std_hi64exists(lm, -5));
	CHECK_EQ_INT(hxn_std_hi64keys(lm)->size, 3);

	/* ObjectMap: identity keys; boxed bytes keyed by their pointer */
	hxn_map *om = hxn_std_hoalloc();
	vdynamic *k1 = box(1), *k2 = box(1);
	hxn_std_hoset(om, k1, box(10));
	hxn_std_hoset(om, k2, box(20));
	CHECK_EQ_INT(hxn_std_hoget(om, k1)->v.i, 10);
	CHECK_EQ_INT(hxn_std_hoget(om, k2)->v.i, 20);
	vdynamic *bx1 = hx_alloc_dynamic(&hxt_bytes), *bx2 = hx_alloc_dynamic(&hxt_bytes);
	bx1->v.bytes = bx2->v.bytes = (vbyte *)"same";
	hxn_std_hoset(om, bx1, box(30));
	CHECK_EQ_INT(hxn_std_hoget(om, bx2)->v.i, 30);
	CHECK_EQ_INT(hxn_std_hosize(om), 3);
	CHECK(hxn_std_horemove(om, k1));
	CHECK(!hxn_std_hoexists(om, k1));
	CHECK_EQ_INT(hxn_std_hovalues(om)->size, 2);

	NT_DONE();
}
