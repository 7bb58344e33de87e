# Reference forecasts for the projection models (test/models/*.test.ts compare against them).
#
# Run from the repository root:  Rscript scripts/reference/models.R
# Writes test/fixtures/reference/models.json. CI never runs R: the JSON is committed.
# Needs R with the forecast and jsonlite packages (Debian: apt-get install r-cran-forecast).
#
# Every model is fitted on the modelling scale the library uses (log for GDP, logit for a
# percentage), so the fixture holds parameters, point forecasts and interval bounds on that scale.
suppressPackageStartupMessages({
  library(forecast)
  library(jsonlite)
})

H <- 5L
LEVELS <- c(80, 95)

# --- Series -------------------------------------------------------------------------------------
# GDP, current prices, 100 million yuan (亿元), column Gdpct01 of the CSMAR China Regional Economy
# table CRE_Gdpct (shared/data/china-prefecture-gdp/CRE_Gdpct.csv, as published in
# eileenCHEN-9/PhD_2022_2025 at commit 9d9a5ab61009e084ea66e096bfb76a3deae94928). Levels from
# 2019 on are on the basis revised after the 4th economic census: a series break at 2019.
gdp <- list(
  qujing = list(code = "530300", years = 2000:2021, values = c(
    213.1170, 231.8489, 254.3962, 281.6110, 342.4766, 440.9662, 536.8252, 650.4206, 787.5678,
    870.9446, 1005.5965, 1209.9300, 1400.1700, 1583.9400, 1548.4600, 1630.2600, 1768.4100,
    1941.1200, 2013.3600, 2637.5900, 2959.3500, 3393.9100)),
  kunming = list(code = "530100", years = 2000:2018, values = c(
    626.2853, 673.0627, 730.0813, 814.0121, 942.1371, 1061.5544, 1207.2855, 1405.0473,
    1605.3993, 1837.4605, 2120.3031, 2509.5800, 3011.1400, 3415.3100, 3712.9900, 3968.0100,
    4300.0800, 4857.6400, 5206.9000)),
  yuxi = list(code = "530400", years = 2000:2018, values = c(
    294.5531, 271.3850, 273.0769, 286.4738, 328.0618, 368.2253, 414.8740, 495.9279, 596.0973,
    644.4042, 736.4354, 876.5500, 1000.1700, 1102.4700, 1184.7300, 1244.5200, 1311.8800,
    1415.1400, 1493.0400)),
  zunyi = list(code = "520300", years = 2000:2018, values = c(
    236.7919, 252.7461, 276.1331, 307.5252, 362.3727, 407.5747, 464.5307, 540.5353, 655.7276,
    777.6400, 908.7600, 1121.4600, 1361.9300, 1584.6700, 1874.3600, 2168.3400, 2403.9400,
    2748.5900, 3000.2339)),
  daqing = list(code = "230600", years = 2005:2018, values = c(
    1400.7195, 1620.3000, 1822.2781, 2220.4000, 2120.0036, 2900.0642, 3741.5389, 4001.0695,
    4181.4993, 4077.5000, 2983.5000, 2610.0000, 2680.5000, 2801.2000))
)

window <- function(s, from, to) {
  keep <- s$years >= from & s$years <= to
  list(years = s$years[keep], values = s$values[keep])
}

series <- list(
  qujing_2010_2018 = c(window(gdp$qujing, 2010, 2018), source = "CRE_Gdpct 530300"),
  qujing_2019_2021 = c(window(gdp$qujing, 2019, 2021), source = "CRE_Gdpct 530300"),
  qujing_2000_2018 = c(window(gdp$qujing, 2000, 2018), source = "CRE_Gdpct 530300"),
  kunming_2000_2018 = c(gdp$kunming, source = "CRE_Gdpct 530100"),
  yuxi_2000_2018 = c(gdp$yuxi, source = "CRE_Gdpct 530400"),
  zunyi_2000_2018 = c(gdp$zunyi, source = "CRE_Gdpct 520300"),
  daqing_2005_2018 = c(gdp$daqing, source = "CRE_Gdpct 230600")
)
# Qujing 2010-2021 across the 2019 break, for the regression with one intercept per segment.
qujing_break <- c(window(gdp$qujing, 2010, 2021), source = "CRE_Gdpct 530300")
# A synthetic urbanization percentage (made up for this fixture, not an observation), for the
# linear trend on the logit scale that the `logistic` model fits.
urban <- list(years = 2010:2021, values = c(
  36.2, 37.5, 38.1, 39.6, 40.2, 41.9, 42.8, 43.5, 45.1, 46.0, 47.4, 48.1), source = "synthetic")

# --- Helpers ------------------------------------------------------------------------------------
num <- function(x) unname(as.numeric(x))
interval_fields <- function(fc) {
  list(
    mean = num(fc$mean),
    lower80 = num(fc$lower[, 1]), upper80 = num(fc$upper[, 1]),
    lower95 = num(fc$lower[, 2]), upper95 = num(fc$upper[, 2])
  )
}
lm_prediction <- function(fit, newdata, extra = list()) {
  p80 <- predict(fit, newdata = newdata, interval = "prediction", level = 0.80, weights = 1)
  p95 <- predict(fit, newdata = newdata, interval = "prediction", level = 0.95, weights = 1)
  list(
    mean = num(p80[, "fit"]),
    lower80 = num(p80[, "lwr"]), upper80 = num(p80[, "upr"]),
    lower95 = num(p95[, "lwr"]), upper95 = num(p95[, "upr"])
  )
}

cases <- list()
add <- function(case) cases[[length(cases) + 1L]] <<- case

for (name in names(series)) {
  s <- series[[name]]
  y <- log(s$values)
  n <- length(y)
  t <- s$years

  # naive and random walk with drift (forecast::naive / rwf), normal intervals.
  fc <- naive(ts(y), h = H, level = LEVELS)
  add(c(list(series = name, scale = "log", model = "naive",
    params = list(sigma2 = num(fc$model$sigma2))), interval_fields(fc)))
  fc <- rwf(ts(y), h = H, drift = TRUE, level = LEVELS)
  add(c(list(series = name, scale = "log", model = "drift",
    params = list(drift = num(fc$model$par$drift), drift_se = num(fc$model$par$drift.se),
      sigma2 = num(fc$model$sigma2))), interval_fields(fc)))

  # OLS linear trend (stats::lm), t-based prediction intervals.
  fit <- lm(y ~ t)
  newdata <- data.frame(t = max(t) + seq_len(H))
  add(c(list(series = name, scale = "log", model = "trend",
    params = list(intercept = num(coef(fit)[1]), slope = num(coef(fit)[2]),
      sigma = summary(fit)$sigma, df = fit$df.residual)), lm_prediction(fit, newdata)))

  # Time-weighted OLS, weights rising linearly with the year (1 for the first year) and scaled to
  # mean 1; prediction intervals for a new observation of weight 1.
  w <- (t - min(t) + 1)
  w <- w / mean(w)
  fit <- lm(y ~ t, weights = w)
  add(c(list(series = name, scale = "log", model = "trend-escap",
    params = list(intercept = num(coef(fit)[1]), slope = num(coef(fit)[2]),
      sigma = summary(fit)$sigma, df = fit$df.residual, weights = num(w))),
    lm_prediction(fit, newdata)))

  # ETS(A,A,N) and ETS(A,Ad,N) by maximum likelihood (forecast::ets). ets() silently switches to
  # HoltWinters when n <= npars + 4, so those cases are left out.
  for (damped in c(FALSE, TRUE)) {
    npars <- 4L + as.integer(damped)
    if (n > npars + 4L) {
      fit <- ets(ts(y), model = "AAN", damped = damped)
      stopifnot(inherits(fit, "ets"))
      fc <- forecast(fit, h = H, level = LEVELS)
      add(c(list(series = name, scale = "log", model = if (damped) "holt-damped" else "holt",
        params = c(as.list(fit$par), list(sigma2 = fit$sigma2,
          sse = sum(residuals(fit)^2), method = fit$method))), interval_fields(fc)))
    }
  }

  # Theta method (forecast::thetaf): SES with drift half the OLS slope. ses() fits ETS(A,N,N)
  # only when n > 2 + 4; below that ets() switches to HoltWinters, so those cases are left out.
  if (n > 6L) {
    fc <- thetaf(ts(y), h = H, level = LEVELS)
    add(c(list(series = name, scale = "log", model = "theta",
      params = list(alpha = num(fc$model$alpha), drift = num(fc$model$drift),
        sigma2 = num(fc$model$sigma))), interval_fields(fc)))
  }
}

# Regression with one intercept per segment and a common slope across the 2019 break.
y <- log(qujing_break$values)
t <- qujing_break$years
segment <- factor(ifelse(t >= 2019, "after", "before"), levels = c("before", "after"))
fit <- lm(y ~ 0 + segment + t)
newdata <- data.frame(t = max(t) + seq_len(H), segment = factor("after", levels = levels(segment)))
add(c(list(series = "qujing_2010_2021", scale = "log", model = "trend-breaks", breaks = list(2019L),
  params = list(intercept_before = num(coef(fit)["segmentbefore"]),
    intercept_after = num(coef(fit)["segmentafter"]), slope = num(coef(fit)["t"]),
    sigma = summary(fit)$sigma, df = fit$df.residual)), lm_prediction(fit, newdata)))

# Linear trend on the logit scale of a percentage in (0, 100).
y <- log(urban$values / (100 - urban$values))
t <- urban$years
fit <- lm(y ~ t)
newdata <- data.frame(t = max(t) + seq_len(H))
add(c(list(series = "urban_synthetic", scale = "logit", model = "logistic",
  params = list(intercept = num(coef(fit)[1]), slope = num(coef(fit)[2]),
    sigma = summary(fit)$sigma, df = fit$df.residual)), lm_prediction(fit, newdata)))

all_series <- c(series, list(qujing_2010_2021 = c(qujing_break, list(breaks = list(2019L))),
  urban_synthetic = urban))
out <- list(
  generatedBy = "scripts/reference/models.R",
  R = R.version.string,
  forecast = as.character(packageVersion("forecast")),
  horizon = H,
  levels = LEVELS / 100,
  series = all_series,
  cases = cases
)
dir.create("test/fixtures/reference", recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE),
  "test/fixtures/reference/models.json")
cat("wrote", length(cases), "cases to test/fixtures/reference/models.json\n")
