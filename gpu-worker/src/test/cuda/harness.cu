// Host-side harness: the kernels' __host__ __device__ arithmetic compiled as host code. It reads one operation a
// line from stdin, hexadecimal operands separated by spaces, and prints the results in hexadecimal on one line:
//   add a b | sub a b | mul a b | pow a e | butterfly u v w | extmul a0 a1 b0 b1 | perm s0..s11
//   hash x0..x(k-1) | twotoone a0..a3 b0..b3 | fold arity_bits x0_inv beta0 beta1 eta_inv two_inv_pow v0..v(2^(a+1)-1)
// The Java test (HostHarnessTest) writes the inputs and compares every line with the Java field, Poseidon2 and FRI.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vector>

#include "goldilocks.cuh"
#include "poseidon2.cuh"
#include "fri.cuh"

static void print(const uint64_t* xs, int n) {
    for (int i = 0; i < n; i++) {
        printf(i == 0 ? "%llx" : " %llx", (unsigned long long)xs[i]);
    }
    printf("\n");
}

int main() {
    static char line[1 << 16];
    while (fgets(line, sizeof line, stdin)) {
        char* save = NULL;
        char* op = strtok_r(line, " \n", &save);
        if (op == NULL) {
            continue;
        }
        std::vector<uint64_t> a;
        for (char* tok = strtok_r(NULL, " \n", &save); tok != NULL; tok = strtok_r(NULL, " \n", &save)) {
            a.push_back(strtoull(tok, NULL, 16));
        }
        uint64_t r[12];
        if (!strcmp(op, "add") && a.size() == 2) {
            r[0] = gl_add(a[0], a[1]);
            print(r, 1);
        } else if (!strcmp(op, "sub") && a.size() == 2) {
            r[0] = gl_sub(a[0], a[1]);
            print(r, 1);
        } else if (!strcmp(op, "mul") && a.size() == 2) {
            r[0] = gl_mul(a[0], a[1]);
            print(r, 1);
        } else if (!strcmp(op, "pow") && a.size() == 2) {
            r[0] = gl_pow(a[0], a[1]);
            print(r, 1);
        } else if (!strcmp(op, "butterfly") && a.size() == 3) {
            r[0] = a[0];
            r[1] = a[1];
            gl_butterfly(&r[0], &r[1], a[2]);
            print(r, 2);
        } else if (!strcmp(op, "extmul") && a.size() == 4) {
            gl_ext x = {a[0], a[1]};
            gl_ext y = {a[2], a[3]};
            gl_ext z = gl_ext_mul(x, y);
            r[0] = z.c0;
            r[1] = z.c1;
            print(r, 2);
        } else if (!strcmp(op, "perm") && a.size() == 12) {
            memcpy(r, a.data(), sizeof r);
            p2_permute(r);
            print(r, 12);
        } else if (!strcmp(op, "hash")) {
            p2_hash_no_pad_strided(a.data(), 1, (int)a.size(), r);
            print(r, 4);
        } else if (!strcmp(op, "twotoone") && a.size() == 8) {
            p2_two_to_one(a.data(), a.data() + 4, r);
            print(r, 4);
        } else if (!strcmp(op, "fold") && a.size() >= 6 && a[0] >= 1 && a[0] <= FRI_MAX_ARITY_BITS
                   && a.size() == 6 + ((size_t)2 << a[0])) {
            gl_ext beta = {a[2], a[3]};
            gl_ext z = fri_fold_coset(a.data() + 6, (int)a[0], a[1], beta, a[4], a[5]);
            r[0] = z.c0;
            r[1] = z.c1;
            print(r, 2);
        } else {
            printf("error: cannot read operation %s with %zu operands\n", op, a.size());
        }
        fflush(stdout);
    }
    return 0;
}
