/* Binary-trees reference in plain C with malloc/free (benchmarks-game algorithm, single-threaded). */
#include <stdio.h>
#include <stdlib.h>

typedef struct node { struct node *left, *right; } node;

static node *bottom_up(int depth) {
	node *n = malloc(sizeof *n);
	if (depth > 0) {
		n->left = bottom_up(depth - 1);
		n->right = bottom_up(depth - 1);
	} else {
		n->left = n->right = NULL;
	}
	return n;
}

static int check(const node *n) {
	return n->left == NULL ? 1 : 1 + check(n->left) + check(n->right);
}

static void delete_tree(node *n) {
	if (n->left != NULL) {
		delete_tree(n->left);
		delete_tree(n->right);
	}
	free(n);
}

int main(int argc, char **argv) {
	int n = argc > 1 ? atoi(argv[1]) : 17;
	int min_depth = 4;
	int max_depth = n < min_depth + 2 ? min_depth + 2 : n;

	int stretch = max_depth + 1;
	node *t = bottom_up(stretch);
	printf("stretch tree of depth %d\t check: %d\n", stretch, check(t));
	delete_tree(t);

	node *long_lived = bottom_up(max_depth);
	for (int depth = min_depth; depth <= max_depth; depth += 2) {
		int iterations = 1 << (max_depth - depth + min_depth);
		int sum = 0;
		for (int i = 0; i < iterations; i++) {
			t = bottom_up(depth);
			sum += check(t);
			delete_tree(t);
		}
		printf("%d\t trees of depth %d\t check: %d\n", iterations, depth, sum);
	}
	printf("long lived tree of depth %d\t check: %d\n", max_depth, check(long_lived));
	delete_tree(long_lived);
	return 0;
}
