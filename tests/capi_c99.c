/* The C ABI from a C99 program (built with -std=c99 -pedantic): it compiles without C++, links
 * against normdoc_c and answers. Usage: normdoc_capi_c99 CORPUS */
#include "normdoc/normdoc.h"

#include <stdio.h>
#include <string.h>

static int check(nd_status s, const nd_error* err, const char* what) {
    if (s != ND_OK) fprintf(stderr, "%s: %s: %s\n", what, nd_status_name(s), err->message);
    return s == ND_OK;
}

int main(int argc, char** argv) {
    nd_error err;
    nd_corpus* corpus = NULL;
    nd_problems* problems = NULL;
    nd_cleanup* cleanup = NULL;
    nd_doc_status status;
    char* csv = NULL;
    size_t size = 0;
    char day[11];
    int ok = 1;
    if (argc != 2) {
        fprintf(stderr, "usage: normdoc_capi_c99 CORPUS\n");
        return 2;
    }
    if (nd_abi_version() != ND_ABI_VERSION) return 4;
    ok = ok && check(nd_corpus_open(argv[1], &corpus, &problems, &err), &err, "open");
    ok = ok && check(nd_corpus_status_of(corpus, "prc-law-1996-68", "2018-11-30", &status, &err), &err, "status");
    ok = ok && status.status == ND_DOC_IN_FORCE && status.amended == 1;
    ok = ok && check(nd_cleanup_run(corpus, "2018-11-30", "jy-kjj", &cleanup, &err), &err, "cleanup");
    ok = ok && check(nd_cleanup_csv(cleanup, &csv, &size, &err), &err, "csv");
    ok = ok && strncmp(csv, "id,number,status,action,findings\n", 33) == 0 && strlen(csv) == size;
    ok = ok && check(nd_date_format(0, day, &err), &err, "date") && strcmp(day, "1970-01-01") == 0;
    /* misuse: a freed handle */
    nd_cleanup_free(cleanup);
    ok = ok && nd_cleanup_csv(cleanup, &csv, &size, &err) == ND_E_INVALID_HANDLE;
    nd_string_free(csv);
    nd_problems_free(problems);
    nd_corpus_free(corpus);
    printf("normdoc %s: C99 %s\n", nd_version(), ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
