/*
 * replay.c: the driver `make test` links each fuzz harness with.  It feeds
 * every file named on the command line (or found in the folders named) to
 * LLVMFuzzerTestOneInput once, as libFuzzer would replay a corpus, so the
 * seeds and every crash ever found (tests/fuzz/regress/) are run by every
 * build, sanitised or not, with no libFuzzer and no clang needed.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define REPLAY_MAX	(64u << 20)	/* larger inputs are not replayed */

static int
replay_file(const char *path)
{
	FILE *fp;
	uint8_t *buf;
	long n;

	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		return -1;
	}
	if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
	    (unsigned long)n > REPLAY_MAX || fseek(fp, 0, SEEK_SET) != 0) {
		fprintf(stderr, "%s: cannot size it (or over %u bytes)\n", path,
		    REPLAY_MAX);
		fclose(fp);
		return -1;
	}
	/* one byte more, so that an empty file is not a NULL buffer */
	if ((buf = malloc((size_t)n + 1)) == NULL ||
	    fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		fprintf(stderr, "%s: read error\n", path);
		free(buf);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	return 0;
}

static int
replay(const char *path, unsigned long *count)
{
	struct stat st;
	struct dirent **ents;
	char sub[4096];
	int n, i, rc = 0;

	if (stat(path, &st) != 0) {
		perror(path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		(*count)++;
		return replay_file(path);
	}
	if ((n = scandir(path, &ents, NULL, alphasort)) < 0) {
		perror(path);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (ents[i]->d_name[0] != '.' &&
		    (size_t)snprintf(sub, sizeof(sub), "%s/%s", path,
		    ents[i]->d_name) < sizeof(sub) && replay(sub, count) != 0)
			rc = -1;
		free(ents[i]);
	}
	free(ents);
	return rc;
}

int
main(int argc, char *argv[])
{
	unsigned long count = 0;
	int i, rc = 0;

	for (i = 1; i < argc; i++)
		if (replay(argv[i], &count) != 0)
			rc = 1;
	printf("%s: %lu inputs replayed\n", argv[0], count);
	return rc;
}
