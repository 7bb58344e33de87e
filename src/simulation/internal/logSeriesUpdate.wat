;; The yearly update of one log-scale series of a simulation block, in WebAssembly: the same
;; draws, arithmetic and writes as the JavaScript loop of `createPathUpdate` (pathUpdate.ts) for a
;; series on the log scale with a value buffer, bit for bit, about 40% faster (measured in
;; docs/performance.md). `npm run build:wasm` assembles this file into
;; logSeriesWasm.generated.ts (the bytes the kernel instantiates); a test checks the two agree.
;;
;; For each path n < len:
;;   z        = the next standard normal of the series' stream: a ziggurat attempt on one
;;              xoshiro128** output (fillNormals in ziggurat.ts); the ~1% of attempts outside
;;              their layer's rectangle take the wedge test here, as normalSlowPath does, or,
;;              in the base layer, the imported `slow` (normalSlowPath itself: the tail needs
;;              logarithms); a rejected attempt is followed by a new one
;;   e[n]     = phi·e[n] + a·f[n] + b·z            (the AR(1) shock)
;;   d[n]     = d[n] + e[n]                         (the cumulated shock)
;;   v        = exp(base + k·d[n])                  (table-driven for |x| < 700, else `exp`;
;;                                                  k the calibration factor of the spread)
;;   value[n] = add ? value[n] + v : v
;;
;; The wedge test and the calls to `slow` and `exp` sit outside the inner loop: the loop exits to handle them and
;; comes back (a call inside the loop would make the compiler keep its locals in memory: a
;; fifth slower).
;;
;; Memory layout (byte offsets, shared with kernelMemory.ts): the ziggurat's limit[256] at 0,
;; scaled[256] at 2048, the exp table 2^(j/128) at 4096 (128 f64) and 2^(k − 1023) at 5120
;; (2048 f64), the ziggurat's layer edges x[257] at 21504; the state (4 × i32) at `st`; f64
;; arrays e, d, f and the value buffer at their offsets.
(module
  (import "kernel" "memory" (memory 1))
  (import "kernel" "slow" (func $slow (param i32 i32 i32) (result f64)))
  (import "kernel" "exp" (func $exp (param f64) (result f64)))
  ;; exp(x) by the tables, |x| < 700 (see ZigguratTables.expFrac): the inner loop's formula.
  (func $texp (param $x f64) (result f64)
    (local $m f64) (local $r f64) (local $r2 f64) (local $mi i32)
    (local.set $m
      (f64.sub
        (f64.add (f64.mul (local.get $x) (f64.const 184.6649652337873)) (f64.const 6755399441055744))
        (f64.const 6755399441055744)))
    (local.set $r
      (f64.sub
        (f64.sub (local.get $x) (f64.mul (local.get $m) (f64.const 0.00541521234663378)))
        (f64.mul (local.get $m) (f64.const 1.4907929134926466e-12))))
    (local.set $mi (i32.trunc_f64_s (local.get $m)))
    (local.set $r2 (f64.mul (local.get $r) (local.get $r)))
    (f64.mul
      (f64.mul
        (f64.load offset=4096 (i32.shl (i32.and (local.get $mi) (i32.const 127)) (i32.const 3)))
        (f64.load offset=5120
          (i32.shl
            (i32.add (i32.shr_s (local.get $mi) (i32.const 7)) (i32.const 1023))
            (i32.const 3))))
      (f64.add
        (f64.add (f64.const 1) (local.get $r))
        (f64.mul
          (local.get $r2)
          (f64.add
            (f64.add (f64.const 0.5) (f64.mul (local.get $r) (f64.const 0.16666666666666666)))
            (f64.mul
              (local.get $r2)
              (f64.add
                (f64.const 0.041666666666666664)
                (f64.mul (local.get $r) (f64.const 0.008333333333333333)))))))))

  (func (export "logSeries")
    (param $len i32) (param $st i32) (param $eo i32) (param $do i32) (param $fo i32)
    (param $vo i32) (param $a f64) (param $b f64) (param $phi f64) (param $base f64)
    (param $kc f64) (param $add i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $n i32) (local $w i32) (local $t i32) (local $i i32) (local $v24 i32) (local $k i32)
    (local $why i32) (local $preset i32) (local $mi i32)
    (local $z f64) (local $ee f64) (local $dd f64) (local $x f64) (local $m f64) (local $r f64)
    (local $r2 f64) (local $p f64) (local $v f64)
    (local $q i32) (local $u1 f64) (local $xi f64) (local $xi1 f64) (local $f0 f64) (local $f1 f64)
    (local.set $s0 (i32.load (local.get $st)))
    (local.set $s1 (i32.load offset=4 (local.get $st)))
    (local.set $s2 (i32.load offset=8 (local.get $st)))
    (local.set $s3 (i32.load offset=12 (local.get $st)))
    (block $done
      (loop $outer
        (block $exit
          (loop $paths
            (br_if $done (i32.ge_s (local.get $n) (local.get $len)))
            (if (local.get $preset)
              (then (local.set $preset (i32.const 0)))
              (else
                ;; One xoshiro128** output: w = rotl(s1·5, 7)·9, then the state step.
                (local.set $w
                  (i32.mul
                    (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7))
                    (i32.const 9)))
                (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
                (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
                (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
                (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
                (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
                (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
                (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
                ;; Layer from the low 8 bits, value from the high 24 (signed).
                (local.set $i (i32.and (local.get $w) (i32.const 255)))
                (local.set $v24 (i32.shr_s (local.get $w) (i32.const 8)))
                (if (f64.lt
                      (f64.abs (f64.convert_i32_s (local.get $v24)))
                      (f64.load (i32.shl (local.get $i) (i32.const 3))))
                  (then
                    (local.set $z
                      (f64.mul
                        (f64.convert_i32_s (local.get $v24))
                        (f64.load offset=2048 (i32.shl (local.get $i) (i32.const 3))))))
                  (else
                    (local.set $why (i32.const 1))
                    (br $exit)))))
            (local.set $k (i32.shl (local.get $n) (i32.const 3)))
            (local.set $ee
              (f64.add
                (f64.add
                  (f64.mul (local.get $phi) (f64.load (i32.add (local.get $eo) (local.get $k))))
                  (f64.mul (local.get $a) (f64.load (i32.add (local.get $fo) (local.get $k)))))
                (f64.mul (local.get $b) (local.get $z))))
            (f64.store (i32.add (local.get $eo) (local.get $k)) (local.get $ee))
            (local.set $dd
              (f64.add (f64.load (i32.add (local.get $do) (local.get $k))) (local.get $ee)))
            (f64.store (i32.add (local.get $do) (local.get $k)) (local.get $dd))
            (local.set $x (f64.add (local.get $base) (f64.mul (local.get $kc) (local.get $dd))))
            (if (i32.eqz
                  (i32.and
                    (f64.gt (local.get $x) (f64.const -700))
                    (f64.lt (local.get $x) (f64.const 700))))
              (then
                (local.set $why (i32.const 2))
                (br $exit)))
            ;; exp(x) = 2^(mi/128)·e^r: round by the 1.5·2^52 trick, then a degree-5 polynomial.
            (local.set $m
              (f64.sub
                (f64.add
                  (f64.mul (local.get $x) (f64.const 184.6649652337873))
                  (f64.const 6755399441055744))
                (f64.const 6755399441055744)))
            (local.set $r
              (f64.sub
                (f64.sub (local.get $x) (f64.mul (local.get $m) (f64.const 0.00541521234663378)))
                (f64.mul (local.get $m) (f64.const 1.4907929134926466e-12))))
            (local.set $mi (i32.trunc_f64_s (local.get $m)))
            (local.set $r2 (f64.mul (local.get $r) (local.get $r)))
            (local.set $p
              (f64.add
                (f64.add (f64.const 1) (local.get $r))
                (f64.mul
                  (local.get $r2)
                  (f64.add
                    (f64.add
                      (f64.const 0.5)
                      (f64.mul (local.get $r) (f64.const 0.16666666666666666)))
                    (f64.mul
                      (local.get $r2)
                      (f64.add
                        (f64.const 0.041666666666666664)
                        (f64.mul (local.get $r) (f64.const 0.008333333333333333))))))))
            (local.set $v
              (f64.mul
                (f64.mul
                  (f64.load offset=4096
                    (i32.shl (i32.and (local.get $mi) (i32.const 127)) (i32.const 3)))
                  (f64.load offset=5120
                    (i32.shl
                      (i32.add (i32.shr_s (local.get $mi) (i32.const 7)) (i32.const 1023))
                      (i32.const 3))))
                (local.get $p)))
            (if (local.get $add)
              (then
                (local.set $v
                  (f64.add (f64.load (i32.add (local.get $vo) (local.get $k))) (local.get $v)))))
            (f64.store (i32.add (local.get $vo) (local.get $k)) (local.get $v))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (br $paths)))
        ;; Out of the inner loop: a slow ziggurat attempt ($why = 1) or an exp outside the table.
        (if (i32.and (i32.eq (local.get $why) (i32.const 1)) (i32.ne (local.get $i) (i32.const 0)))
          (then
            ;; The wedge (normalSlowPath for i > 0): four outputs, u1 from the first two (53 bits,
            ;; in (0, 1]); the last two are drawn and unused, as there.
            (local.set $q (i32.const 0))
            (loop $four
              (local.set $w
                (i32.mul
                  (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7))
                  (i32.const 9)))
              (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
              (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
              (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
              (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
              (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
              (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
              (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
              (if (i32.eqz (local.get $q))
                (then
                  (local.set $u1
                    (f64.mul
                      (f64.convert_i32_u (i32.shr_u (local.get $w) (i32.const 11)))
                      (f64.const 4294967296)))))
              (if (i32.eq (local.get $q) (i32.const 1))
                (then
                  (local.set $u1
                    (f64.mul
                      (f64.add
                        (f64.add (local.get $u1) (f64.convert_i32_u (local.get $w)))
                        (f64.const 1))
                      (f64.const 1.1102230246251565e-16)))))
              (local.set $q (i32.add (local.get $q) (i32.const 1)))
              (br_if $four (i32.lt_u (local.get $q) (i32.const 4))))
            (local.set $xi (f64.load offset=21504 (i32.shl (local.get $i) (i32.const 3))))
            (local.set $xi1 (f64.load offset=21512 (i32.shl (local.get $i) (i32.const 3))))
            ;; v = u·x[i], u = v24·2^-23
            (local.set $v
              (f64.mul
                (f64.mul (f64.convert_i32_s (local.get $v24)) (f64.const 1.1920928955078125e-7))
                (local.get $xi)))
            (local.set $f0
              (call $texp
                (f64.mul
                  (f64.const -0.5)
                  (f64.sub
                    (f64.mul (local.get $xi) (local.get $xi))
                    (f64.mul (local.get $v) (local.get $v))))))
            (local.set $f1
              (call $texp
                (f64.mul
                  (f64.const -0.5)
                  (f64.sub
                    (f64.mul (local.get $xi1) (local.get $xi1))
                    (f64.mul (local.get $v) (local.get $v))))))
            ;; Accepted: path n goes on with z = v; rejected: a new attempt.
            (local.set $preset
              (f64.lt
                (f64.add
                  (local.get $f1)
                  (f64.mul (local.get $u1) (f64.sub (local.get $f0) (local.get $f1))))
                (f64.const 1)))
            (local.set $z (local.get $v))
            (br $outer)))
        (if (i32.eq (local.get $why) (i32.const 1))
          (then
            (i32.store (local.get $st) (local.get $s0))
            (i32.store offset=4 (local.get $st) (local.get $s1))
            (i32.store offset=8 (local.get $st) (local.get $s2))
            (i32.store offset=12 (local.get $st) (local.get $s3))
            (local.set $z (call $slow (local.get $st) (local.get $i) (local.get $v24)))
            (local.set $s0 (i32.load (local.get $st)))
            (local.set $s1 (i32.load offset=4 (local.get $st)))
            (local.set $s2 (i32.load offset=8 (local.get $st)))
            (local.set $s3 (i32.load offset=12 (local.get $st)))
            ;; Accepted (not NaN): path n goes on with this z; rejected: a new attempt.
            (local.set $preset (f64.eq (local.get $z) (local.get $z)))
            (br $outer)))
        (local.set $v (call $exp (local.get $x)))
        (if (local.get $add)
          (then
            (local.set $v
              (f64.add (f64.load (i32.add (local.get $vo) (local.get $k))) (local.get $v)))))
        (f64.store (i32.add (local.get $vo) (local.get $k)) (local.get $v))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $outer)))
    (i32.store (local.get $st) (local.get $s0))
    (i32.store offset=4 (local.get $st) (local.get $s1))
    (i32.store offset=8 (local.get $st) (local.get $s2))
    (i32.store offset=12 (local.get $st) (local.get $s3))))
