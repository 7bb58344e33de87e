;; The simulation kernel's inner loops in WebAssembly with 128-bit SIMD. Each export does what a
;; JavaScript loop of the kernel does, with the same draws and arithmetic, bit for bit, so a
;; kernel without WebAssembly is slower, never different (test/simulation/kernelWasm.test.ts runs
;; both). `npm run build:wasm` assembles this file into kernelWasm.generated.ts (the bytes the
;; kernel instantiates; a test checks the two agree). Times are in docs/performance.md.
;;
;;   normals    single-precision standard normals from a stream's four xoshiro128** lanes by the ziggurat
;;              (fillNormals with lanes = 4, ziggurat.ts): lane j draws paths j, j + 4, … in order
;;   logUpdate  the yearly update of a log-scale series with a value (createPathUpdate,
;;              pathUpdate.ts): e = phi·e + a·f + b·z, d = d + e in single precision, value
;;              (+)= exp(base)·expf(k·d) (logScaleValue), four paths to a vector
;;   logs       natural logarithms by tables, for the histograms (histogramCounts.ts)
;;   bins       counts a block's transformed values in a histogram (histogramCounts.ts)
;;   tally      a target of one ≥ or ≤ condition (targetTally.ts)
;;   seed       the generator states of a stream's lanes (xoshiro128Seed)
;;
;; Each vector lane computes exactly what the scalar code does (IEEE operations lane by lane, no
;; fused multiply-add). The rare events leave the vector loops (a call inside a vector loop would
;; make the compiler keep its locals in memory): a group of four attempts where some lane's fell
;; outside its layer's rectangle (~4% of groups; $fix finishes that lane, the wedge here and the
;; base layer's tail by the imported `slow`, normalSlowPath) goes lane by lane and comes back; a
;; path whose k·d is outside expf's range is redone after the loop.
;;
;; Memory layout (byte offsets, shared with kernelMemory.ts): the ziggurat's limit[256] (f64) at
;; 0, the exp table 2^(j/256) at 4096 (256 f64), the normals' pairs (limit[i] rounded up, as i32;
;; scaled[i] as f32) at 6144 (256 × 8 bytes), the ziggurat's layer edges x[257] at 21504, scratch
;; at 27664 (128 bytes: `bins` keeps a histogram's under, over, invalid, min and max at 27696),
;; the logarithm's pairs (1/F[j], ln F[j]) at 27792 (256 × 16 bytes), the densities fx[257] at the
;; layer edges at 31888 (2048–4096, 8192–21504 and 23560–27664 unused); then, at offsets the caller
;; passes, the generator states (64 bytes a stream: word w of lane j at st + 16·w + 4·j), the f32
;; arrays (shocks, normals) and f64 arrays (scratch, values) of a block, the histograms' bins (u32)
;; and the targets' first years met (i32).
(module
  (import "kernel" "memory" (memory 1))
  ;; normalSlowPath on the lane whose first word is at byte p (its words 16 bytes apart).
  (import "kernel" "slow" (func $slow (param i32 i32 i32) (result f64)))
  (import "kernel" "exp" (func $exp (param f64) (result f64)))
  (import "kernel" "log" (func $log (param f64) (result f64)))
  ;; exp(x) by the table, |x| < 700 (see ZigguratTables.expFrac): the scalar formula, 2^(mi >> 8)
  ;; from its exponent bits, ((mi + 1023·256) >>> 8) << 52, which equal the table's 2^k.
  (func $texp (param $x f64) (result f64)
    (local $m f64) (local $r f64) (local $r2 f64) (local $mi i32)
    (local.set $m (f64.sub (f64.add (f64.mul (local.get $x) (f64.const 369.3299304675746)) (f64.const 6755399441055744)) (f64.const 6755399441055744)))
    (local.set $r (f64.sub (f64.sub (local.get $x) (f64.mul (local.get $m) (f64.const 0.00270760617331689))) (f64.mul (local.get $m) (f64.const 7.453964567463233e-13))))
    (local.set $mi (i32.trunc_f64_s (local.get $m)))
    (local.set $r2 (f64.mul (local.get $r) (local.get $r)))
    (f64.mul
      (f64.mul
        (f64.load offset=4096 (i32.shl (i32.and (local.get $mi) (i32.const 255)) (i32.const 3)))
        (f64.reinterpret_i64
          (i64.shl
            (i64.extend_i32_u (i32.shr_u (i32.add (local.get $mi) (i32.const 261888)) (i32.const 8)))
            (i64.const 52))))
      (f64.add (f64.add (f64.const 1) (local.get $r))
        (f64.mul (local.get $r2)
          (f64.add (f64.add (f64.const 0.5) (f64.mul (local.get $r) (f64.const 0.16666666666666666)))
            (f64.mul (local.get $r2) (f64.const 0.041666666666666664)))))))
  ;; Finishes a ziggurat attempt (layer i, value v24) of lane `lane` of the state at st that fell
  ;; outside its layer's rectangle (normalSlowPath: the wedge test here, the base layer's tail by
  ;; the import), then makes new attempts on that lane until one is accepted; returns the normal.
  (func $fix (param $st i32) (param $lane i32) (param $i i32) (param $v24 i32) (result f64)
    (local $p i32) (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $w i32) (local $t i32)
    (local $u1 f64) (local $v f64) (local $f0 f64) (local $f1 f64) (local $z f64)
    (local.set $p (i32.add (local.get $st) (i32.shl (local.get $lane) (i32.const 2))))
    (local.set $s0 (i32.load (local.get $p)))
    (local.set $s1 (i32.load offset=16 (local.get $p)))
    (local.set $s2 (i32.load offset=32 (local.get $p)))
    (local.set $s3 (i32.load offset=48 (local.get $p)))
    (block $accepted
      (loop $attempt
        (if (local.get $i)
          (then
            ;; The wedge: u1 = (w + 1/2)·2^-32 from one output; accepted when
            ;; fx[i] + u1·(fx[i + 1] − fx[i]) < exp(−v²/2).
            (local.set $w (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
            (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
            (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
            (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
            (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
            (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
            (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
            (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
            (local.set $u1
              (f64.add
                (f64.mul (f64.convert_i32_u (local.get $w)) (f64.const 2.3283064365386963e-10))
                (f64.const 1.1641532182693481e-10)))
            (local.set $v
              (f64.mul
                (f64.mul (f64.convert_i32_s (local.get $v24)) (f64.const 1.1920928955078125e-7))
                (f64.load offset=21504 (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $f0 (f64.load offset=31888 (i32.shl (local.get $i) (i32.const 3))))
            (local.set $f1 (f64.load offset=31896 (i32.shl (local.get $i) (i32.const 3))))
            (local.set $z (local.get $v))
            (br_if $accepted
              (f64.lt
                (f64.add (local.get $f0) (f64.mul (local.get $u1) (f64.sub (local.get $f1) (local.get $f0))))
                (call $texp (f64.mul (f64.const -0.5) (f64.mul (local.get $v) (local.get $v)))))))
          (else
            ;; The base layer: the tail, by the imported normalSlowPath on this lane's words.
            (i32.store (local.get $p) (local.get $s0))
            (i32.store offset=16 (local.get $p) (local.get $s1))
            (i32.store offset=32 (local.get $p) (local.get $s2))
            (i32.store offset=48 (local.get $p) (local.get $s3))
            (local.set $z (call $slow (local.get $p) (local.get $i) (local.get $v24)))
            (local.set $s0 (i32.load (local.get $p)))
            (local.set $s1 (i32.load offset=16 (local.get $p)))
            (local.set $s2 (i32.load offset=32 (local.get $p)))
            (local.set $s3 (i32.load offset=48 (local.get $p)))
            (br_if $accepted (f64.eq (local.get $z) (local.get $z)))))
        ;; a new attempt
        (local.set $w (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
        (local.set $i (i32.and (local.get $w) (i32.const 255)))
        (local.set $v24 (i32.shr_s (local.get $w) (i32.const 8)))
        ;; (the fast path's single-precision normal, as fillNormals's new attempt gives it)
        (local.set $z (f64.promote_f32 (f32.mul (f32.convert_i32_s (local.get $v24)) (f32.load offset=6148 (i32.shl (local.get $i) (i32.const 3))))))
        (br_if $accepted (f64.lt (f64.abs (f64.convert_i32_s (local.get $v24))) (f64.load (i32.shl (local.get $i) (i32.const 3)))))
        (br $attempt)))
    (i32.store (local.get $p) (local.get $s0))
    (i32.store offset=16 (local.get $p) (local.get $s1))
    (i32.store offset=32 (local.get $p) (local.get $s2))
    (i32.store offset=48 (local.get $p) (local.get $s3))
    (local.get $z))
  ;; One normal from lane `lane` of the state at st, in single precision (the paths past the last
  ;; whole group of four).
  (func $draw (param $st i32) (param $lane i32) (result f32)
    (local $p i32) (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $w i32) (local $t i32) (local $i i32) (local $v24 i32)
    (local.set $p (i32.add (local.get $st) (i32.shl (local.get $lane) (i32.const 2))))
    (local.set $s0 (i32.load (local.get $p)))
    (local.set $s1 (i32.load offset=16 (local.get $p)))
    (local.set $s2 (i32.load offset=32 (local.get $p)))
    (local.set $s3 (i32.load offset=48 (local.get $p)))
    (local.set $w (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
    (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
    (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
    (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
    (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
    (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
    (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
    (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
    (i32.store (local.get $p) (local.get $s0))
    (i32.store offset=16 (local.get $p) (local.get $s1))
    (i32.store offset=32 (local.get $p) (local.get $s2))
    (i32.store offset=48 (local.get $p) (local.get $s3))
    (local.set $i (i32.and (local.get $w) (i32.const 255)))
    (local.set $v24 (i32.shr_s (local.get $w) (i32.const 8)))
    (if (result f32) (f64.lt (f64.abs (f64.convert_i32_s (local.get $v24))) (f64.load (i32.shl (local.get $i) (i32.const 3))))
      (then (f32.mul (f32.convert_i32_s (local.get $v24)) (f32.load offset=6148 (i32.shl (local.get $i) (i32.const 3)))))
      (else (f32.demote_f64 (call $fix (local.get $st) (local.get $lane) (local.get $i) (local.get $v24))))))

  ;; ln v, table-driven (Tang, "Table-driven implementation of the logarithm function in IEEE
  ;; floating-point arithmetic", ACM TOMS 16(4), 1990). For a
  ;; positive normal v = 2^k·m, m in [1, 2), j the top 8 bits of m's fraction and
  ;; F = 1 + (j + 1/2)/256: ln v = (k·ln2hi + ln F) + (P(u) + k·ln2lo), u = (m − F)·(1/F), |u| ≤ 2^-9,
  ;; P the degree-5 Taylor polynomial of ln(1 + u) (remainder < 1e-17): within 1 ulp of Math.log
  ;; outside (0.6, 1.7) and within 2e-16 of it inside (a test). Zero, negatives, subnormals,
  ;; infinities and NaN go to the imported Math.log.
  (func $log1 (param $v f64) (result f64)
    (local $bits i64) (local $hi i32) (local $j i32) (local $u f64) (local $u2 f64) (local $kf f64)
    (local.set $bits (i64.reinterpret_f64 (local.get $v)))
    (local.set $hi (i32.wrap_i64 (i64.shr_u (local.get $bits) (i64.const 32))))
    (if (result f64) (i32.lt_u (i32.sub (local.get $hi) (i32.const 0x00100000)) (i32.const 0x7fe00000))
      (then
        (local.set $kf (f64.convert_i32_s (i32.sub (i32.shr_u (local.get $hi) (i32.const 20)) (i32.const 1023))))
        (local.set $j (i32.and (i32.shr_u (local.get $hi) (i32.const 12)) (i32.const 255)))
        (local.set $u
          (f64.mul
            (f64.sub
              (f64.reinterpret_i64
                (i64.or
                  (i64.and (local.get $bits) (i64.const 0x000fffffffffffff))
                  (i64.const 0x3ff0000000000000)))
              (f64.add (f64.const 1.001953125) (f64.mul (f64.convert_i32_s (local.get $j)) (f64.const 0.00390625))))
            (f64.load offset=27792 (i32.shl (local.get $j) (i32.const 4)))))
        (local.set $u2 (f64.mul (local.get $u) (local.get $u)))
        (f64.add
          (f64.add
            (f64.mul (local.get $kf) (f64.const 0.6931471803691238))
            (f64.load offset=27800 (i32.shl (local.get $j) (i32.const 4))))
          (f64.add
            (f64.add
              (local.get $u)
              (f64.mul
                (local.get $u2)
                (f64.add
                  (f64.add (f64.const -0.5) (f64.mul (local.get $u) (f64.const 0.3333333333333333)))
                  (f64.mul (local.get $u2) (f64.add (f64.const -0.25) (f64.mul (local.get $u) (f64.const 0.2)))))))
            (f64.mul (local.get $kf) (f64.const 1.9082149292705877e-10)))))
      (else (call $log (local.get $v)))))

  ;; dst[n] = ln(src[n]), n < len (byte offsets), by $log1's formula two values to a vector: F
  ;; from the value's bits (its top 8 fraction bits, then a one), which is 1 + (j + 1/2)/256
  ;; exactly; a pair with a value that is not a positive normal, and the last value of an odd
  ;; len, go to $log1 outside the vector loop.
  (func (export "logs") (param $src i32) (param $dst i32) (param $len i32)
    (local $n i32) (local $lane i32) (local $v v128) (local $t v128) (local $kf v128) (local $p0 v128)
    (local $p1 v128) (local $u v128) (local $u2 v128)
    (loop $outer
      (block $exit
        (loop $pairs
          (br_if $exit (i32.gt_s (i32.add (local.get $n) (i32.const 2)) (local.get $len)))
          (local.set $v (v128.load (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 3)))))
          ;; Both positive normals: the high word minus 0x00100000 in [0, 0x7fe00000).
          (local.set $t (i64x2.sub (i64x2.shr_u (local.get $v) (i32.const 32)) (v128.const i64x2 0x00100000 0x00100000)))
          (br_if $exit
            (i32.ne
              (i64x2.bitmask
                (v128.and
                  (i64x2.ge_s (local.get $t) (v128.const i64x2 0 0))
                  (i64x2.lt_s (local.get $t) (v128.const i64x2 0x7fe00000 0x7fe00000))))
              (i32.const 3)))
          ;; k = exponent − 1023 (the low words of the shifted lanes, as f64).
          (local.set $kf
            (f64x2.convert_low_i32x4_s
              (i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 8 9 10 11
                (i32x4.sub (i64x2.shr_u (local.get $v) (i32.const 52)) (v128.const i32x4 1023 0 1023 0))
                (local.get $v))))
          ;; Each lane's (1/F[j], ln F[j]), j = bits 44–51.
          (local.set $p0 (v128.load offset=27792
            (i32.shl (i32.and (i32.shr_u (i32x4.extract_lane 1 (local.get $v)) (i32.const 12)) (i32.const 255)) (i32.const 4))))
          (local.set $p1 (v128.load offset=27792
            (i32.shl (i32.and (i32.shr_u (i32x4.extract_lane 3 (local.get $v)) (i32.const 12)) (i32.const 255)) (i32.const 4))))
          (local.set $u
            (f64x2.mul
              (f64x2.sub
                (v128.or (v128.and (local.get $v) (v128.const i64x2 0x000fffffffffffff 0x000fffffffffffff)) (v128.const i64x2 0x3ff0000000000000 0x3ff0000000000000))
                (v128.or (v128.and (local.get $v) (v128.const i64x2 0x000ff00000000000 0x000ff00000000000)) (v128.const i64x2 0x3ff0080000000000 0x3ff0080000000000)))
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $p0) (local.get $p1))))
          (local.set $u2 (f64x2.mul (local.get $u) (local.get $u)))
          (v128.store (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const 3)))
            (f64x2.add
              (f64x2.add
                (f64x2.mul (local.get $kf) (v128.const f64x2 0.6931471803691238 0.6931471803691238))
                (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $p0) (local.get $p1)))
              (f64x2.add
                (f64x2.add
                  (local.get $u)
                  (f64x2.mul
                    (local.get $u2)
                    (f64x2.add
                      (f64x2.add (v128.const f64x2 -0.5 -0.5) (f64x2.mul (local.get $u) (v128.const f64x2 0.3333333333333333 0.3333333333333333)))
                      (f64x2.mul (local.get $u2) (f64x2.add (v128.const f64x2 -0.25 -0.25) (f64x2.mul (local.get $u) (v128.const f64x2 0.2 0.2)))))))
                (f64x2.mul (local.get $kf) (v128.const f64x2 1.9082149292705877e-10 1.9082149292705877e-10)))))
          (local.set $n (i32.add (local.get $n) (i32.const 2)))
          (br $pairs)))
      ;; The pair at n (or the last value) one by one.
      (local.set $lane (i32.const 0))
      (block $lanesDone
        (loop $lanes
          (br_if $lanesDone
            (i32.or
              (i32.ge_u (local.get $lane) (i32.const 2))
              (i32.ge_s (i32.add (local.get $n) (local.get $lane)) (local.get $len))))
          (f64.store (i32.add (local.get $dst) (i32.shl (i32.add (local.get $n) (local.get $lane)) (i32.const 3)))
            (call $log1 (f64.load (i32.add (local.get $src) (i32.shl (i32.add (local.get $n) (local.get $lane)) (i32.const 3))))))
          (local.set $lane (i32.add (local.get $lane) (i32.const 1)))
          (br $lanes)))
      (local.set $n (i32.add (local.get $n) (i32.const 2)))
      (br_if $outer (i32.lt_s (local.get $n) (local.get $len)))))

  ;; Counts len transformed values at z in a histogram (histogramCounts.ts, whose JavaScript loop
  ;; does the same): u = (y − lo)·inv; one more in bin floor(u) (u32 at counts + 4·floor(u)) when
  ;; 0 ≤ u < bins, else one more under, over or (NaN) invalid; the minimum and maximum of y, kept
  ;; per lane (values at even and at odd positions) and then combined, odd lane first: (m1 < m0 ?
  ;; m1 : m0) and (M0 < M1 ? M1 : M0). Two values to a vector; a pair with a value off the grid is
  ;; counted lane by lane. Under, over, invalid, min and max are read from and written back to the
  ;; scratch at 27696 (f64 each).
  (func (export "bins")
    (param $z i32) (param $len i32) (param $lo f64) (param $inv f64) (param $bins f64) (param $counts i32)
    (local $n i32) (local $p i32) (local $j i32) (local $u f64) (local $y f64)
    (local $under f64) (local $over f64) (local $invalid f64)
    (local $vy v128) (local $vu v128) (local $k v128) (local $vmin v128) (local $vmax v128)
    (local $vlo v128) (local $vinv v128) (local $vbins v128)
    (local.set $under (f64.load offset=27696 (i32.const 0)))
    (local.set $over (f64.load offset=27704 (i32.const 0)))
    (local.set $invalid (f64.load offset=27712 (i32.const 0)))
    (local.set $vmin (f64x2.splat (f64.load offset=27720 (i32.const 0))))
    (local.set $vmax (f64x2.splat (f64.load offset=27728 (i32.const 0))))
    (local.set $vlo (f64x2.splat (local.get $lo)))
    (local.set $vinv (f64x2.splat (local.get $inv)))
    (local.set $vbins (f64x2.splat (local.get $bins)))
    (block $done
      (loop $pairs
        (br_if $done (i32.gt_s (i32.add (local.get $n) (i32.const 2)) (local.get $len)))
        (local.set $vy (v128.load (i32.add (local.get $z) (i32.shl (local.get $n) (i32.const 3)))))
        (local.set $vu (f64x2.mul (f64x2.sub (local.get $vy) (local.get $vlo)) (local.get $vinv)))
        (local.set $vmin (f64x2.pmin (local.get $vmin) (local.get $vy)))
        (local.set $vmax (f64x2.pmax (local.get $vmax) (local.get $vy)))
        (if (i32.eq (i64x2.bitmask (v128.and
              (f64x2.ge (local.get $vu) (v128.const f64x2 0 0))
              (f64x2.lt (local.get $vu) (local.get $vbins)))) (i32.const 3))
          (then
            (local.set $k (i32x4.trunc_sat_f64x2_s_zero (local.get $vu)))
            (local.set $p (i32.add (local.get $counts) (i32.shl (i32x4.extract_lane 0 (local.get $k)) (i32.const 2))))
            (i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (i32.const 1)))
            (local.set $p (i32.add (local.get $counts) (i32.shl (i32x4.extract_lane 1 (local.get $k)) (i32.const 2))))
            (i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (i32.const 1))))
          (else
            ;; Lane by lane, through the scratch at 27664.
            (v128.store offset=27664 (i32.const 0) (local.get $vu))
            (local.set $j (i32.const 0))
            (loop $lanes
              (local.set $u (f64.load offset=27664 (i32.shl (local.get $j) (i32.const 3))))
              (if (i32.and (f64.ge (local.get $u) (f64.const 0)) (f64.lt (local.get $u) (local.get $bins)))
                (then
                  (local.set $p (i32.add (local.get $counts) (i32.shl (i32.trunc_f64_s (local.get $u)) (i32.const 2))))
                  (i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (i32.const 1))))
                (else
                  (if (f64.lt (local.get $u) (f64.const 0))
                    (then (local.set $under (f64.add (local.get $under) (f64.const 1))))
                    (else
                      (if (f64.ge (local.get $u) (local.get $bins))
                        (then (local.set $over (f64.add (local.get $over) (f64.const 1))))
                        (else (local.set $invalid (f64.add (local.get $invalid) (f64.const 1)))))))))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br_if $lanes (i32.lt_u (local.get $j) (i32.const 2))))))
        (local.set $n (i32.add (local.get $n) (i32.const 2)))
        (br $pairs)))
    ;; The last value of an odd len (an even position: the first lane).
    (if (i32.lt_s (local.get $n) (local.get $len))
      (then
        (local.set $y (f64.load (i32.add (local.get $z) (i32.shl (local.get $n) (i32.const 3)))))
        (local.set $u (f64.mul (f64.sub (local.get $y) (local.get $lo)) (local.get $inv)))
        (local.set $vmin (f64x2.pmin (local.get $vmin) (f64x2.replace_lane 1 (f64x2.splat (local.get $y)) (f64x2.extract_lane 1 (local.get $vmin)))))
        (local.set $vmax (f64x2.pmax (local.get $vmax) (f64x2.replace_lane 1 (f64x2.splat (local.get $y)) (f64x2.extract_lane 1 (local.get $vmax)))))
        (if (i32.and (f64.ge (local.get $u) (f64.const 0)) (f64.lt (local.get $u) (local.get $bins)))
          (then
            (local.set $p (i32.add (local.get $counts) (i32.shl (i32.trunc_f64_s (local.get $u)) (i32.const 2))))
            (i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (i32.const 1))))
          (else
            (if (f64.lt (local.get $u) (f64.const 0))
              (then (local.set $under (f64.add (local.get $under) (f64.const 1))))
              (else
                (if (f64.ge (local.get $u) (local.get $bins))
                  (then (local.set $over (f64.add (local.get $over) (f64.const 1))))
                  (else (local.set $invalid (f64.add (local.get $invalid) (f64.const 1)))))))))))
    (f64.store offset=27696 (i32.const 0) (local.get $under))
    (f64.store offset=27704 (i32.const 0) (local.get $over))
    (f64.store offset=27712 (i32.const 0) (local.get $invalid))
    ;; min = m1 < m0 ? m1 : m0 and max = M0 < M1 ? M1 : M0 (pmin, pmax of the two lanes).
    (f64.store offset=27720 (i32.const 0) (f64x2.extract_lane 0 (f64x2.pmin (local.get $vmin)
      (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $vmin) (local.get $vmin)))))
    (f64.store offset=27728 (i32.const 0) (f64x2.extract_lane 0 (f64x2.pmax (local.get $vmax)
      (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $vmax) (local.get $vmax))))))

  ;; A target of one ≥ (sign 1) or ≤ (sign −1) condition in year t over len paths of the values
  ;; at src (targetTally.ts, whose JavaScript loop does the same): returns how many paths have
  ;; sign·value ≥ st, and, when `window` is 1, sets the first year met (i32 at `first`) of each
  ;; such path not met before to t, without branches on the outcome; four paths to a step (two
  ;; f64x2 tests narrowed to one i32x4 mask), the last len mod 4 one by one.
  (func (export "tally")
    (param $src i32) (param $first i32) (param $len i32) (param $sign f64) (param $st f64)
    (param $t i32) (param $window i32) (result i32)
    (local $n i32) (local $m i32) (local $hit i32) (local $f i32) (local $p i32)
    (local $vsign v128) (local $vst v128) (local $vt v128) (local $mask v128) (local $vm v128)
    (local $vf v128)
    (local.set $vsign (f64x2.splat (local.get $sign)))
    (local.set $vst (f64x2.splat (local.get $st)))
    (local.set $vt (i32x4.splat (local.get $t)))
    (block $quadsDone
      (loop $quads
        (br_if $quadsDone (i32.gt_s (i32.add (local.get $n) (i32.const 4)) (local.get $len)))
        (local.set $p (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 3))))
        ;; All ones in the lanes met: the two f64x2 masks' low words, as one i32x4.
        (local.set $mask (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
          (f64x2.ge (f64x2.mul (local.get $vsign) (v128.load (local.get $p))) (local.get $vst))
          (f64x2.ge (f64x2.mul (local.get $vsign) (v128.load offset=16 (local.get $p))) (local.get $vst))))
        (local.set $vm (i32x4.sub (local.get $vm) (local.get $mask)))
        (if (local.get $window)
          (then
            (local.set $p (i32.add (local.get $first) (i32.shl (local.get $n) (i32.const 2))))
            (local.set $vf (v128.load (local.get $p)))
            (v128.store (local.get $p)
              (v128.or (local.get $vf)
                (v128.and (v128.and (local.get $mask) (i32x4.eq (local.get $vf) (v128.const i32x4 0 0 0 0)))
                  (local.get $vt))))))
        (local.set $n (i32.add (local.get $n) (i32.const 4)))
        (br $quads)))
    (local.set $m (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $vm)) (i32x4.extract_lane 1 (local.get $vm)))
      (i32.add (i32x4.extract_lane 2 (local.get $vm)) (i32x4.extract_lane 3 (local.get $vm)))))
    (block $done
      (loop $paths
        (br_if $done (i32.ge_s (local.get $n) (local.get $len)))
        (local.set $hit
          (f64.ge
            (f64.mul (local.get $sign) (f64.load (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 3)))))
            (local.get $st)))
        (local.set $m (i32.add (local.get $m) (local.get $hit)))
        (if (local.get $window)
          (then
            (local.set $p (i32.add (local.get $first) (i32.shl (local.get $n) (i32.const 2))))
            (local.set $f (i32.load (local.get $p)))
            (i32.store (local.get $p)
              (i32.add (local.get $f) (i32.mul (i32.mul (i32.eqz (local.get $f)) (local.get $hit)) (local.get $t))))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $paths)))
    (local.get $m))

  ;; out[n], n < len: standard normals in single precision (f32) from the four lanes of the state at
  ;; st, lane j drawing paths j, j + 4, … in order (fillNormals with lanes = 4). One SIMD step of
  ;; the four generators gives one ziggurat attempt per lane (layer from the low 8 bits, value from
  ;; the high 24, signed); its layer's pair (limit rounded up to an integer, scaled in single
  ;; precision) is gathered from the table at 6144, the test |v24| < limit is the integer test
  ;; against the rounded-up limit, and the normal v24·scaled is one f32 multiply. A group where some
  ;; lane's attempt fell outside its layer's rectangle (~4% of groups) is finished lane by lane
  ;; ($fix) outside the vector loop, and the paths past the last whole group are drawn lane by lane
  ;; ($draw).
  (func (export "normals") (param $len i32) (param $st i32) (param $out i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $w v128)
    (local $t v128) (local $iv v128) (local $vv v128) (local $p01 v128) (local $p23 v128)
    (local $n i32) (local $lane i32) (local $i i32) (local $v24 i32)
    (local.set $s0 (v128.load (local.get $st)))
    (local.set $s1 (v128.load offset=16 (local.get $st)))
    (local.set $s2 (v128.load offset=32 (local.get $st)))
    (local.set $s3 (v128.load offset=48 (local.get $st)))
    (loop $outer
      (block $exit
        (loop $groups
          (br_if $exit (i32.gt_s (i32.add (local.get $n) (i32.const 4)) (local.get $len)))
          ;; One xoshiro128** output per lane: w = rotl(s1·5, 7)·9, then the state step.
          (local.set $w (i32x4.mul (local.get $s1) (v128.const i32x4 5 5 5 5)))
          (local.set $w (i32x4.mul (v128.or (i32x4.shl (local.get $w) (i32.const 7)) (i32x4.shr_u (local.get $w) (i32.const 25))) (v128.const i32x4 9 9 9 9)))
          (local.set $t (i32x4.shl (local.get $s1) (i32.const 9)))
          (local.set $s2 (v128.xor (local.get $s2) (local.get $s0)))
          (local.set $s3 (v128.xor (local.get $s3) (local.get $s1)))
          (local.set $s1 (v128.xor (local.get $s1) (local.get $s2)))
          (local.set $s0 (v128.xor (local.get $s0) (local.get $s3)))
          (local.set $s2 (v128.xor (local.get $s2) (local.get $t)))
          (local.set $s3 (v128.or (i32x4.shl (local.get $s3) (i32.const 11)) (i32x4.shr_u (local.get $s3) (i32.const 21))))
          ;; Layer i (as a byte offset into the 8-byte pairs), value v24; each lane's pair.
          (local.set $iv (i32x4.shl (v128.and (local.get $w) (v128.const i32x4 255 255 255 255)) (i32.const 3)))
          (local.set $vv (i32x4.shr_s (local.get $w) (i32.const 8)))
          (local.set $p01 (v128.load64_lane offset=6144 1 (i32x4.extract_lane 1 (local.get $iv))
            (v128.load64_zero offset=6144 (i32x4.extract_lane 0 (local.get $iv)))))
          (local.set $p23 (v128.load64_lane offset=6144 1 (i32x4.extract_lane 3 (local.get $iv))
            (v128.load64_zero offset=6144 (i32x4.extract_lane 2 (local.get $iv)))))
          ;; |v24| below the layer's integer limit in every lane: z = v24·scaled[i]; else finish
          ;; the group outside the loop.
          (br_if $exit (i32.eqz (i32x4.all_true
            (i32x4.lt_s (i32x4.abs (local.get $vv))
              (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $p01) (local.get $p23))))))
          (v128.store (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2)))
            (f32x4.mul (f32x4.convert_i32x4_s (local.get $vv))
              (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $p01) (local.get $p23))))
          (local.set $n (i32.add (local.get $n) (i32.const 4)))
          (br $groups)))
      (v128.store (local.get $st) (local.get $s0))
      (v128.store offset=16 (local.get $st) (local.get $s1))
      (v128.store offset=32 (local.get $st) (local.get $s2))
      (v128.store offset=48 (local.get $st) (local.get $s3))
      (if (i32.le_s (i32.add (local.get $n) (i32.const 4)) (local.get $len))
        (then
          ;; A group with a slow attempt: its four lanes one by one (the scratch holds i, v24).
          (v128.store offset=27664 (i32.const 0) (v128.and (local.get $w) (v128.const i32x4 255 255 255 255)))
          (v128.store offset=27680 (i32.const 0) (local.get $vv))
          (local.set $lane (i32.const 0))
          (loop $lanes
            (local.set $i (i32.load offset=27664 (i32.shl (local.get $lane) (i32.const 2))))
            (local.set $v24 (i32.load offset=27680 (i32.shl (local.get $lane) (i32.const 2))))
            (f32.store (i32.add (local.get $out) (i32.shl (i32.add (local.get $n) (local.get $lane)) (i32.const 2)))
              (if (result f32) (f64.lt (f64.abs (f64.convert_i32_s (local.get $v24))) (f64.load (i32.shl (local.get $i) (i32.const 3))))
                (then (f32.mul (f32.convert_i32_s (local.get $v24)) (f32.load offset=6148 (i32.shl (local.get $i) (i32.const 3)))))
                (else (f32.demote_f64 (call $fix (local.get $st) (local.get $lane) (local.get $i) (local.get $v24))))))
            (local.set $lane (i32.add (local.get $lane) (i32.const 1)))
            (br_if $lanes (i32.lt_u (local.get $lane) (i32.const 4))))
          (local.set $s0 (v128.load (local.get $st)))
          (local.set $s1 (v128.load offset=16 (local.get $st)))
          (local.set $s2 (v128.load offset=32 (local.get $st)))
          (local.set $s3 (v128.load offset=48 (local.get $st)))
          (local.set $n (i32.add (local.get $n) (i32.const 4)))
          (br $outer))))
    ;; The last len mod 4 paths, lane by lane (the states are in memory).
    (local.set $lane (i32.const 0))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_s (i32.add (local.get $n) (local.get $lane)) (local.get $len)))
        (f32.store (i32.add (local.get $out) (i32.shl (i32.add (local.get $n) (local.get $lane)) (i32.const 2)))
          (call $draw (local.get $st) (local.get $lane)))
        (local.set $lane (i32.add (local.get $lane) (i32.const 1)))
        (br $tail))))

  ;; SplitMix64's finaliser (Stafford's Mix13), as xoshiro128Seed's `mix`.
  (func $mix (param $z i64) (result i64)
    (local.set $z (i64.xor (local.get $z) (i64.shr_u (local.get $z) (i64.const 30))))
    (local.set $z (i64.mul (local.get $z) (i64.const 0xbf58476d1ce4e5b9)))
    (local.set $z (i64.xor (local.get $z) (i64.shr_u (local.get $z) (i64.const 27))))
    (local.set $z (i64.mul (local.get $z) (i64.const 0x94d049bb133111eb)))
    (i64.xor (local.get $z) (i64.shr_u (local.get $z) (i64.const 31))))
  ;; The states of `lanes` xoshiro128** generators of the stream (seed, stream, substream), safe
  ;; integers, written at out (word w of lane j at out + 4·(w·lanes + j)): xoshiro128Seed
  ;; (src/internal/xoshiro128.ts), in 64-bit integers where it works on 32-bit halves.
  (func (export "seed") (param $seed f64) (param $stream f64) (param $substream f64) (param $lanes i32) (param $out i32)
    (local $key i64) (local $z i64) (local $j i32) (local $p i32)
    (local.set $key (call $mix (i64.add (i64.trunc_f64_s (local.get $seed)) (i64.const 0x9e3779b97f4a7c15))))
    (local.set $key (call $mix (i64.xor (local.get $key) (i64.trunc_f64_s (local.get $stream)))))
    (local.set $key (call $mix (i64.xor (local.get $key) (i64.trunc_f64_s (local.get $substream)))))
    (block $done
      (loop $lane
        (br_if $done (i32.ge_s (local.get $j) (local.get $lanes)))
        (local.set $p (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))))
        ;; Words 0 and 1 from one SplitMix64 output, words 2 and 3 from the next.
        (local.set $key (i64.add (local.get $key) (i64.const 0x9e3779b97f4a7c15)))
        (local.set $z (call $mix (local.get $key)))
        (i32.store (local.get $p) (i32.wrap_i64 (local.get $z)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $lanes) (i32.const 2))) (i32.wrap_i64 (i64.shr_u (local.get $z) (i64.const 32))))
        (local.set $key (i64.add (local.get $key) (i64.const 0x9e3779b97f4a7c15)))
        (local.set $z (call $mix (local.get $key)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $lanes) (i32.const 3))) (i32.wrap_i64 (local.get $z)))
        (i32.store (i32.add (local.get $p) (i32.mul (local.get $lanes) (i32.const 12))) (i32.wrap_i64 (i64.shr_u (local.get $z) (i64.const 32))))
        ;; The all-zero state, xoshiro's fixed point, becomes word 0 = 1.
        (if (i32.eqz (i32.or
              (i32.or (i32.load (local.get $p)) (i32.load (i32.add (local.get $p) (i32.shl (local.get $lanes) (i32.const 2)))))
              (i32.or (i32.load (i32.add (local.get $p) (i32.shl (local.get $lanes) (i32.const 3)))) (i32.load (i32.add (local.get $p) (i32.mul (local.get $lanes) (i32.const 12)))))))
          (then (i32.store (local.get $p) (i32.const 1))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $lane))))

  ;; exp(y) in single precision for |y| < 87, Cephes' expf (ZigguratTables.expf, which does the
  ;; same operations): m = round(y/ln2) by the 1.5·2^23 trick, r = y − m·ln2 in two parts,
  ;; e^r = 1 + r + r²·P(r), 2^m from m's bits ((m + 127) << 23).
  (func $expf (param $y f32) (result f32)
    (local $kf f32) (local $m f32) (local $r f32) (local $p f32)
    (local.set $kf (f32.add (f32.mul (local.get $y) (f32.const 1.4426950216293335)) (f32.const 12582912)))
    (local.set $m (f32.sub (local.get $kf) (f32.const 12582912)))
    (local.set $r (f32.sub (f32.sub (local.get $y) (f32.mul (local.get $m) (f32.const 0.693359375))) (f32.mul (local.get $m) (f32.const -0.00021219444170128554))))
    (local.set $p (f32.add (f32.mul (local.get $r) (f32.const 0.00019875691214110702)) (f32.const 0.001398199936375022)))
    (local.set $p (f32.add (f32.mul (local.get $p) (local.get $r)) (f32.const 0.008333452045917511)))
    (local.set $p (f32.add (f32.mul (local.get $p) (local.get $r)) (f32.const 0.04166579619050026)))
    (local.set $p (f32.add (f32.mul (local.get $p) (local.get $r)) (f32.const 0.1666666567325592)))
    (local.set $p (f32.add (f32.mul (local.get $p) (local.get $r)) (f32.const 0.5)))
    (local.set $p (f32.add (f32.add (f32.mul (local.get $p) (f32.mul (local.get $r) (local.get $r))) (local.get $r)) (f32.const 1)))
    (f32.mul (local.get $p)
      (f32.reinterpret_i32 (i32.shl (i32.sub (i32.reinterpret_f32 (local.get $kf)) (i32.const 0x4B3FFF81)) (i32.const 23)))))
  ;; The value of one path's log-scale series from its cumulated shock d: scale·expf(y) for
  ;; y = kc·d (single precision) with |y| < 87, else exp(base + kc·d) by the import
  ;; (logScaleValue's rule).
  (func $logValue (param $d f32) (param $base f64) (param $scale f64) (param $kc f32) (result f64)
    (local $y f32)
    (local.set $y (f32.mul (local.get $kc) (local.get $d)))
    (if (result f64) (f32.lt (f32.abs (local.get $y)) (f32.const 87))
      (then (f64.mul (local.get $scale) (f64.promote_f32 (call $expf (local.get $y)))))
      (else (call $exp (f64.add (local.get $base)
        (f64.mul (f64.promote_f32 (local.get $kc)) (f64.promote_f32 (local.get $d))))))))

  ;; The yearly update of a log-scale series with a value, four paths to a 128-bit vector, in
  ;; single precision, given its normals z (byte offsets of the f32 arrays e, d, f, z; of the f64
  ;; values):
  ;;   e[n]     = phi·e[n] + a·f[n] + b·z[n]       (the AR(1) shock)
  ;;   d[n]     = d[n] + e[n]                       (the cumulated shock)
  ;;   v        = scale·expf(y), y = kc·d[n], for |y| < 87, scale = exp(base) (a double; kc the
  ;;              calibration factor of the spread); else exp(base + kc·d[n]) by `exp`
  ;;   value[n] = add ? value[n] + v : v
  ;; A lane with |y| ≥ 87 (or NaN) gives 0 in the vector loop, which therefore has no branch on
  ;; the values, and is done again by `exp` after it.
  (func (export "logUpdate")
    (param $len i32) (param $eo i32) (param $do i32) (param $fo i32) (param $zo i32)
    (param $vo i32) (param $a f32) (param $b f32) (param $phi f32) (param $base f64)
    (param $scale f64) (param $kc f32) (param $add i32)
    (local $k i32) (local $k8 i32) (local $n i32) (local $val f64) (local $e1 f32) (local $d1 f32)
    (local $ee v128) (local $dd v128) (local $y v128)
    (local $kf v128) (local $m v128) (local $r v128) (local $p v128) (local $in v128) (local $ok v128)
    (local $lo v128) (local $hi v128)
    (local $va v128) (local $vb v128) (local $vphi v128) (local $vscale v128) (local $vkc v128)
    (local.set $va (f32x4.splat (local.get $a)))
    (local.set $vb (f32x4.splat (local.get $b)))
    (local.set $vphi (f32x4.splat (local.get $phi)))
    (local.set $vscale (f64x2.splat (local.get $scale)))
    (local.set $vkc (f32x4.splat (local.get $kc)))
    (local.set $ok (v128.const i32x4 -1 -1 -1 -1))
    (block $exit
      (loop $quads
        (br_if $exit (i32.gt_s (i32.add (local.get $n) (i32.const 4)) (local.get $len)))
        (local.set $k (i32.shl (local.get $n) (i32.const 2)))
        (local.set $k8 (i32.shl (local.get $n) (i32.const 3)))
        (local.set $ee (f32x4.add (f32x4.add
            (f32x4.mul (local.get $vphi) (v128.load (i32.add (local.get $eo) (local.get $k))))
            (f32x4.mul (local.get $va) (v128.load (i32.add (local.get $fo) (local.get $k)))))
          (f32x4.mul (local.get $vb) (v128.load (i32.add (local.get $zo) (local.get $k))))))
        (v128.store (i32.add (local.get $eo) (local.get $k)) (local.get $ee))
        (local.set $dd (f32x4.add (v128.load (i32.add (local.get $do) (local.get $k))) (local.get $ee)))
        (v128.store (i32.add (local.get $do) (local.get $k)) (local.get $dd))
        (local.set $y (f32x4.mul (local.get $vkc) (local.get $dd)))
        (local.set $in (f32x4.lt (f32x4.abs (local.get $y)) (v128.const f32x4 87 87 87 87)))
        (local.set $ok (v128.and (local.get $ok) (local.get $in)))
        ;; $expf on four lanes.
        (local.set $kf (f32x4.add (f32x4.mul (local.get $y) (v128.const f32x4 1.4426950216293335 1.4426950216293335 1.4426950216293335 1.4426950216293335)) (v128.const f32x4 12582912 12582912 12582912 12582912)))
        (local.set $m (f32x4.sub (local.get $kf) (v128.const f32x4 12582912 12582912 12582912 12582912)))
        (local.set $r (f32x4.sub (f32x4.sub (local.get $y) (f32x4.mul (local.get $m) (v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375))) (f32x4.mul (local.get $m) (v128.const f32x4 -0.00021219444170128554 -0.00021219444170128554 -0.00021219444170128554 -0.00021219444170128554))))
        (local.set $p (f32x4.add (f32x4.mul (local.get $r) (v128.const f32x4 0.00019875691214110702 0.00019875691214110702 0.00019875691214110702 0.00019875691214110702)) (v128.const f32x4 0.001398199936375022 0.001398199936375022 0.001398199936375022 0.001398199936375022)))
        (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 0.008333452045917511 0.008333452045917511 0.008333452045917511 0.008333452045917511)))
        (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 0.04166579619050026 0.04166579619050026 0.04166579619050026 0.04166579619050026)))
        (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 0.1666666567325592 0.1666666567325592 0.1666666567325592 0.1666666567325592)))
        (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 0.5 0.5 0.5 0.5)))
        (local.set $p (f32x4.add (f32x4.add (f32x4.mul (local.get $p) (f32x4.mul (local.get $r) (local.get $r))) (local.get $r)) (v128.const f32x4 1 1 1 1)))
        (local.set $p (v128.and (local.get $in)
          (f32x4.mul (local.get $p)
            (i32x4.shl (i32x4.sub (local.get $kf) (v128.const i32x4 0x4B3FFF81 0x4B3FFF81 0x4B3FFF81 0x4B3FFF81)) (i32.const 23)))))
        (local.set $lo (f64x2.mul (local.get $vscale) (f64x2.promote_low_f32x4 (local.get $p))))
        (local.set $hi (f64x2.mul (local.get $vscale) (f64x2.promote_low_f32x4
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $p) (local.get $p)))))
        (if (local.get $add)
          (then
            (local.set $lo (f64x2.add (v128.load (i32.add (local.get $vo) (local.get $k8))) (local.get $lo)))
            (local.set $hi (f64x2.add (v128.load offset=16 (i32.add (local.get $vo) (local.get $k8))) (local.get $hi)))))
        (v128.store (i32.add (local.get $vo) (local.get $k8)) (local.get $lo))
        (v128.store offset=16 (i32.add (local.get $vo) (local.get $k8)) (local.get $hi))
        (local.set $n (i32.add (local.get $n) (i32.const 4)))
        (br $quads)))
    ;; The last len mod 4 paths, one by one.
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_s (local.get $n) (local.get $len)))
        (local.set $k (i32.shl (local.get $n) (i32.const 2)))
        (local.set $k8 (i32.shl (local.get $n) (i32.const 3)))
        (local.set $e1 (f32.add (f32.add
            (f32.mul (local.get $phi) (f32.load (i32.add (local.get $eo) (local.get $k))))
            (f32.mul (local.get $a) (f32.load (i32.add (local.get $fo) (local.get $k)))))
          (f32.mul (local.get $b) (f32.load (i32.add (local.get $zo) (local.get $k))))))
        (f32.store (i32.add (local.get $eo) (local.get $k)) (local.get $e1))
        (local.set $d1 (f32.add (f32.load (i32.add (local.get $do) (local.get $k))) (local.get $e1)))
        (f32.store (i32.add (local.get $do) (local.get $k)) (local.get $d1))
        (local.set $val (call $logValue (local.get $d1) (local.get $base) (local.get $scale) (local.get $kc)))
        (if (local.get $add)
          (then (local.set $val (f64.add (f64.load (i32.add (local.get $vo) (local.get $k8))) (local.get $val)))))
        (f64.store (i32.add (local.get $vo) (local.get $k8)) (local.get $val))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $tail)))
    ;; Lanes of the vector loop with |y| ≥ 87 or NaN (stored as 0, or added as 0): their values
    ;; by `exp`.
    (if (i32.eqz (i32x4.all_true (local.get $ok)))
      (then
        (local.set $n (i32.const 0))
        (block $fixed
          (loop $fix
            (br_if $fixed (i32.ge_s (local.get $n) (i32.and (local.get $len) (i32.const -4))))
            (local.set $d1 (f32.load (i32.add (local.get $do) (i32.shl (local.get $n) (i32.const 2)))))
            (local.set $k8 (i32.shl (local.get $n) (i32.const 3)))
            (if (i32.eqz (f32.lt (f32.abs (f32.mul (local.get $kc) (local.get $d1))) (f32.const 87)))
              (then
                (local.set $val (call $exp (f64.add (local.get $base)
                  (f64.mul (f64.promote_f32 (local.get $kc)) (f64.promote_f32 (local.get $d1))))))
                (if (local.get $add)
                  (then (local.set $val (f64.add (f64.load (i32.add (local.get $vo) (local.get $k8))) (local.get $val)))))
                (f64.store (i32.add (local.get $vo) (local.get $k8)) (local.get $val))))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (br $fix))))))
)
