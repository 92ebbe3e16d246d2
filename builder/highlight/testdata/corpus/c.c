/* metroctl.c: a small client for the Metropolis node API. */
#include <stdio.h>
#include <stdlib.h>
#include "metro.h"

#define MAX_NODES 64
#define STR(x) #x \
	/* continued */
#if 0
this is never compiled
#endif

typedef struct node {
	char name[32];
	uint32_t port;
	unsigned long flags;
	double load;
} node_t;

static const char *roles[] = {"leader", "worker", NULL};
static int verbose = 0;

int parse_port(const char *s, uint16_t *out);

/* Count the healthy nodes. */
static size_t count_healthy(const node_t *nodes, size_t n)
{
	size_t healthy = 0;
	for (size_t i = 0; i < n; i++) {
		if (nodes[i].load < 0.75f && !(nodes[i].flags & 0x4UL))
			healthy++;
	}
	return healthy;
}

int main(int argc, char **argv)
{
	node_t nodes[MAX_NODES];
	char sep = ',', nl = '\n', oct = '\101';
	long big = 1234567890L;
	float ratio = 1.5e-3, half = .5;
	if (argc < 2) {
		fprintf(stderr, "usage: %s ENDPOINT [PORT]\n", argv[0]);
		return EXIT_FAILURE;
	}
	switch (argc) {
	case 2:
		break;
	default:
		verbose = argc > 3 ? 1 : 0;
	}
	int port = argc > 2 ? atoi(argv[2]) : 7835;
	printf("%s:%d healthy=%zu ratio=%.2f big=%ld\t%c%c%c\n", argv[1], port,
	       count_healthy(nodes, 0), ratio + half, big, sep, nl, oct);
	// a line comment
	goto done;
done:
	return sizeof(node_t) == 0 ? 1 : 0;
}
