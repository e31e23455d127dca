/* mod_random.c: the `_random` module, the core of random.py: a Random type
 * holding a Mersenne Twister (MT19937) seeded exactly as CPython seeds it, so
 * the same seed gives python3's sequence. Also a small SHA-512 for random.py's
 * seeding from str/bytes (CPython's "version 2" seeding hashes them). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "args.h"
#include "bytes.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "memory.h"
#include "module.h"
#include "modules.h"
#include "str.h"
#include "tuple.h"

/* ================================================================ MT19937
 *
 * The reference algorithm of Matsumoto and Nishimura (mt19937ar.c), as
 * CPython's _randommodule.c uses it. */

#define MT_N          624
#define MT_M          397
#define MT_MATRIX_A   0x9908b0dfU
#define MT_UPPER_MASK 0x80000000U
#define MT_LOWER_MASK 0x7fffffffU

typedef struct RandomObject {
    Object base;
    int index; /* next word of state to use; MT_N: regenerate first */
    uint32_t state[MT_N];
} RandomObject;

static TypeObject RandomType;

/* The next 32 random bits. */
static uint32_t genrand_uint32(RandomObject *self) {
    static const uint32_t mag01[2] = {0x0U, MT_MATRIX_A};
    uint32_t *mt = self->state;
    uint32_t y;
    if (self->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & MT_UPPER_MASK) | (mt[kk + 1] & MT_LOWER_MASK);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & MT_UPPER_MASK) | (mt[kk + 1] & MT_LOWER_MASK);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[MT_N - 1] & MT_UPPER_MASK) | (mt[0] & MT_LOWER_MASK);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        self->index = 0;
    }
    y = mt[self->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

static void init_genrand(RandomObject *self, uint32_t s) {
    uint32_t *mt = self->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++) {
        mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    }
    self->index = MT_N;
}

/* Seed from an array of 32-bit words (least significant first), as CPython. */
static void init_by_array(RandomObject *self, const uint32_t *key, size_t key_length) {
    uint32_t *mt = self->state;
    init_genrand(self, 19650218U);
    size_t i = 1, j = 0;
    size_t k = MT_N > key_length ? MT_N : key_length;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= key_length) {
            j = 0;
        }
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U; /* MSB is 1, assuring a non-zero initial array */
}

/* ================================================================ seeding */

/* Fill buf with n bytes from the OS entropy source. -1 with OSError. */
static int random_os_bytes(void *buf, size_t n) {
    unsigned char *p = buf;
    while (n > 0) {
        ssize_t got = getrandom(p, n, 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            err_from_errno(NULL);
            return -1;
        }
        p += got;
        n -= (size_t)got;
    }
    return 0;
}

/* seed(None): 624 words of OS entropy, or the time and pid if that fails. */
static void seed_from_os(RandomObject *self) {
    uint32_t key[MT_N];
    if (random_os_bytes(key, sizeof key) == 0) {
        init_by_array(self, key, MT_N);
        return;
    }
    err_clear();
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint32_t fallback[5] = {(uint32_t)ts.tv_sec, (uint32_t)((uint64_t)ts.tv_sec >> 32),
                            (uint32_t)ts.tv_nsec, (uint32_t)getpid(), 0};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    fallback[4] = (uint32_t)ts.tv_nsec;
    init_by_array(self, fallback, 5);
}

/* CPython's random_seed: None -> OS entropy; an int -> its absolute value;
 * anything else -> its hash (as an unsigned size_t). The number is split into
 * 32-bit words, least significant first, and fed to init_by_array. */
static int random_seed_object(RandomObject *self, Object *arg) {
    if (arg == NULL || arg == None) {
        seed_from_os(self);
        return 0;
    }
    mpz_t n;
    mpz_init(n);
    if (int_check(arg)) {
        int_to_mpz(arg, n);
        mpz_abs(n, n);
    } else {
        intptr_t h = obj_hash(arg);
        if (h == -1 && err_occurred() != NULL) {
            mpz_clear(n);
            return -1;
        }
        mpz_set_ui(n, (unsigned long)(uintptr_t)h);
    }
    size_t bits = mpz_sgn(n) == 0 ? 0 : mpz_sizeinbase(n, 2);
    size_t keyused = bits == 0 ? 1 : (bits - 1) / 32 + 1;
    uint32_t *key = mem_alloc_array(keyused, sizeof(uint32_t));
    if (key == NULL) {
        mpz_clear(n);
        return -1;
    }
    memset(key, 0, keyused * sizeof(uint32_t));
    size_t count = 0;
    mpz_export(key, &count, -1, sizeof(uint32_t), 0, 0, n);
    init_by_array(self, key, keyused);
    mem_free(key);
    mpz_clear(n);
    return 0;
}

/* ================================================================ methods */

/* random() -> float in [0.0, 1.0): 53 random bits, as CPython. */
static Object *random_random(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("Random.random", kwnames) < 0 ||
        args_count("Random.random", nargs, 0, 0) < 0) {
        return NULL;
    }
    RandomObject *r = (RandomObject *)self;
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return float_new((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static Object *random_seed(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("Random.seed", kwnames) < 0 || args_count("seed", nargs, 0, 1) < 0) {
        return NULL;
    }
    if (random_seed_object((RandomObject *)self, nargs == 1 ? args[0] : NULL) < 0) {
        return NULL;
    }
    return none_ref();
}

/* getrandbits(k) -> an int with k random bits (any size). */
static Object *random_getrandbits(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (args_no_keywords("Random.getrandbits", kwnames) < 0 ||
        args_count("Random.getrandbits", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (float_check(args[0])) {
        return err_format(&ExcTypeError, "'float' object cannot be interpreted as an integer");
    }
    Object *idx = obj_index(args[0]);
    if (idx == NULL) {
        return NULL;
    }
    int64_t k;
    int rc = int_to_i64(idx, &k);
    DECREF(idx);
    if (rc < 0) {
        return NULL;
    }
    if (k < 0) {
        return err_format(&ExcValueError, "number of bits must be non-negative");
    }
    RandomObject *r = (RandomObject *)self;
    if (k == 0) {
        return small_int_make(0);
    }
    if (k <= 32) {
        return int_from_u64(genrand_uint32(r) >> (32 - k));
    }
    /* Words are filled least significant first; the last keeps its top bits. */
    size_t words = (size_t)((k - 1) / 32 + 1);
    uint32_t *w = mem_alloc_array(words, sizeof(uint32_t));
    if (w == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t x = genrand_uint32(r);
        if (k < 32) {
            x >>= (32 - k);
        }
        w[i] = x;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w);
    mem_free(w);
    return int_from_mpz_steal(z);
}

/* getstate() -> a tuple of the 624 state words and the index. */
static Object *random_getstate(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("Random.getstate", kwnames) < 0 ||
        args_count("Random.getstate", nargs, 0, 0) < 0) {
        return NULL;
    }
    RandomObject *r = (RandomObject *)self;
    Object *t = tuple_new(MT_N + 1);
    if (t == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < MT_N; i++) {
        tuple_init_item(t, i, int_from_u64(r->state[i]));
    }
    tuple_init_item(t, MT_N, small_int_make(r->index));
    return t;
}

/* setstate(state): the inverse of getstate, with CPython's checks. */
static Object *random_setstate(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("Random.setstate", kwnames) < 0 ||
        args_count("Random.setstate", nargs, 1, 1) < 0) {
        return NULL;
    }
    Object *state = args[0];
    if (!tuple_check(state)) {
        return err_format(&ExcTypeError, "state vector must be a tuple");
    }
    if (tuple_size(state) != MT_N + 1) {
        return err_format(&ExcValueError, "state vector is the wrong size");
    }
    uint32_t words[MT_N];
    for (size_t i = 0; i < MT_N; i++) {
        /* As PyLong_AsUnsignedLong, then truncated to 32 bits like CPython. */
        Object *v = tuple_get(state, i);
        if (!int_check(v)) {
            return err_format(&ExcTypeError, "an integer is required");
        }
        if (int_sign(v) < 0) {
            return err_format(&ExcOverflowError, "can't convert negative value to unsigned int");
        }
        IntScratch scratch;
        mpz_srcptr z = int_mpz_view(v, &scratch);
        if (mpz_sizeinbase(z, 2) > 64) {
            return err_format(&ExcOverflowError,
                              "Python int too large to convert to C unsigned long");
        }
        words[i] = (uint32_t)mpz_get_ui(z);
    }
    Object *iv = tuple_get(state, MT_N);
    if (float_check(iv)) {
        return err_format(&ExcTypeError, "'float' object cannot be interpreted as an integer");
    }
    Object *idx = obj_index(iv);
    if (idx == NULL) {
        return NULL;
    }
    int64_t index;
    int rc = int_to_i64(idx, &index);
    DECREF(idx);
    if (rc < 0) {
        return NULL;
    }
    if (index < 0 || index > MT_N) {
        return err_format(&ExcValueError, "invalid state");
    }
    RandomObject *r = (RandomObject *)self;
    memcpy(r->state, words, sizeof words);
    r->index = (int)index;
    return none_ref();
}

/* Random(seed=None): the exact type checks its arguments and seeds; a Python
 * subclass (random.Random) seeds in its own __init__, so it only gets a
 * cheap fixed state here. */
static Object *random_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    if (type == &RandomType) {
        if (args_no_keywords("Random", kwnames) < 0) {
            return NULL;
        }
        if (nargs > 1) {
            return err_format(&ExcTypeError, "Random() requires 0 or 1 argument");
        }
    }
    RandomObject *r = (RandomObject *)obj_alloc(type, type->basic_size);
    if (r == NULL) {
        return NULL;
    }
    if (type == &RandomType) {
        if (random_seed_object(r, nargs == 1 ? args[0] : NULL) < 0) {
            DECREF((Object *)r);
            return NULL;
        }
    } else {
        init_genrand(r, 5489U);
    }
    return (Object *)r;
}

static void random_dealloc(Object *self) {
    obj_free(self);
}

static const MethodDef random_methods[] = {
    {"random", random_random, 0, "random() -> x in the interval [0, 1)."},
    {"seed", random_seed, 0,
     "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the "
     "current time and the process identifier."},
    {"getstate", random_getstate, 0, "getstate() -> tuple containing the current state."},
    {"setstate", random_setstate, 0, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", random_getrandbits, 0,
     "getrandbits(k) -> x.  Generates an int with k random bits."},
    {NULL, NULL, 0, NULL},
};

static TypeObject RandomType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "_random.Random",
    .basic_size = sizeof(RandomObject),
    .flags = TYPE_FLAG_BASETYPE,
    .dealloc = random_dealloc,
    .new_instance = random_new_instance,
    .methods = random_methods,
    .doc = "Random() -> create a random number generator with its own internal state.",
};

/* ================================================================ SHA-512 (FIPS 180-4) */

static const uint64_t sha512_k[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

static inline uint64_t rotr64(uint64_t x, unsigned n) {
    return (x >> n) | (x << (64 - n));
}

/* Process one 128-byte block into the hash state h. */
static void sha512_block(uint64_t h[8], const unsigned char *p) {
    uint64_t w[80];
    for (int t = 0; t < 16; t++) {
        w[t] = 0;
        for (int b = 0; b < 8; b++) {
            w[t] = (w[t] << 8) | p[t * 8 + b];
        }
    }
    for (int t = 16; t < 80; t++) {
        uint64_t s0 = rotr64(w[t - 15], 1) ^ rotr64(w[t - 15], 8) ^ (w[t - 15] >> 7);
        uint64_t s1 = rotr64(w[t - 2], 19) ^ rotr64(w[t - 2], 61) ^ (w[t - 2] >> 6);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 80; t++) {
        uint64_t s1 = rotr64(e, 14) ^ rotr64(e, 18) ^ rotr64(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + s1 + ch + sha512_k[t] + w[t];
        uint64_t s0 = rotr64(a, 28) ^ rotr64(a, 34) ^ rotr64(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = s0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

/* The 64-byte SHA-512 digest of data[0..n). */
static void sha512(const unsigned char *data, size_t n, unsigned char out[64]) {
    uint64_t h[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                     0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                     0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
    size_t full = n / 128;
    for (size_t i = 0; i < full; i++) {
        sha512_block(h, data + i * 128);
    }
    unsigned char tail[256];
    size_t rest = n - full * 128;
    memcpy(tail, data + full * 128, rest);
    tail[rest] = 0x80;
    size_t padded = rest + 1 + 16 <= 128 ? 128 : 256;
    memset(tail + rest + 1, 0, padded - rest - 1);
    uint64_t bits = (uint64_t)n * 8;
    for (int b = 0; b < 8; b++) {
        tail[padded - 1 - b] = (unsigned char)(bits >> (8 * b));
    }
    sha512_block(h, tail);
    if (padded == 256) {
        sha512_block(h, tail + 128);
    }
    for (int i = 0; i < 8; i++) {
        for (int b = 0; b < 8; b++) {
            out[i * 8 + b] = (unsigned char)(h[i] >> (56 - 8 * b));
        }
    }
}

/* _random._sha512_digest(bytes) -> the 64-byte digest (random.py's seeding). */
static Object *random_sha512_digest(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (args_no_keywords("_sha512_digest", kwnames) < 0 ||
        args_count("_sha512_digest", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (!bytes_check(args[0])) {
        return err_format(&ExcTypeError, "a bytes-like object is required, not '%T'", args[0]);
    }
    unsigned char digest[64];
    sha512((const unsigned char *)bytes_data(args[0]), bytes_size(args[0]), digest);
    return bytes_from_data((const char *)digest, 64);
}

static const MethodDef random_functions[] = {
    {"_sha512_digest", random_sha512_digest, 0, "The SHA-512 digest of a bytes object."},
    {NULL, NULL, 0, NULL},
};

Object *mod_random_init(void) {
    if (type_ready(&RandomType) < 0) {
        return NULL;
    }
    Object *m = module_new("_random");
    if (m == NULL) {
        return NULL;
    }
    if (module_add_functions(m, random_functions) < 0 ||
        module_add_object(m, "Random", (Object *)&RandomType) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
