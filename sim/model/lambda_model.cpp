#include "lambdasim/model/lambda_model.hpp"

#include "lambdasim/model/sdk_backoff.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include <boost/random/bernoulli_distribution.hpp>

namespace lambdasim {
namespace {

std::int64_t rate_cap_tokens(int concurrency) {
    return std::int64_t{aws_limits::kRequestsPerSecondPerConcurrency} * concurrency;
}

TokenBucket rate_cap(int concurrency) {
    // Requests-per-second cap of 10 x concurrency (`lambda-concurrency`), at most one second's
    // worth of burst.
    return TokenBucket::per_second(static_cast<double>(rate_cap_tokens(concurrency)), rate_cap_tokens(concurrency));
}

constexpr std::size_t kNoReason = SIZE_MAX;

template <typename Spec>
std::uint32_t index_by_name(const std::vector<Spec>& specs, const std::string& name) {
    const auto it = std::find_if(specs.begin(), specs.end(), [&](const Spec& s) { return s.name == name; });
    assert(it != specs.end() && "the loader checks every reference");
    return static_cast<std::uint32_t>(it - specs.begin());
}

}  // namespace

LambdaModel::LambdaModel(const ScenarioSpec& spec, Simulator& simulator, MetricsRecorder& recorder)
    : spec_(spec), simulator_(simulator), recorder_(recorder) {
    handler_ = simulator_.add_handler(&LambdaModel::dispatch, this);
    const RandomStreams streams(spec.seed);

    functions_.reserve(spec.functions.size());
    for (const FunctionSpec& f : spec.functions) functions_.emplace_back(f, streams);

    const ScalingSpec& scaling = spec.account.scaling;
    if (scaling.mode == ScalingMode::Legacy)
        legacy_scaling_ = TokenBucket(scaling.initial_burst, scaling.per_minute, kMinute);
    for (FunctionRuntime& f : functions_) {
        if (scaling.mode == ScalingMode::Legacy) {
            f.scaling = &legacy_scaling_;
        } else {
            f.own_scaling = TokenBucket(scaling.environments, scaling.environments, scaling.per);
            f.scaling = &f.own_scaling;
        }
        if (f.has_reserved) reserved_total_ += f.reserved;
    }
    unreserved_capacity_ = spec.account.concurrency_limit - reserved_total_;
    account_rate_ = rate_cap(spec.account.concurrency_limit);
    if (spec.api_gateway)
        gateway_bucket_ = TokenBucket::per_second(spec.api_gateway->rate_per_second, spec.api_gateway->burst);

    queues_.reserve(spec.queues.size());
    for (const QueueSpec& q : spec.queues) {
        QueueRuntime runtime{SqsQueue(q), -1, {}, streams.stream(q.name, "message_groups")};
        if (!q.dead_letter_queue.empty()) runtime.dead_letter_queue = index_by_name(spec.queues, q.dead_letter_queue);
        queues_.push_back(std::move(runtime));
    }
    for (const EventSourceMappingSpec& m : spec.event_source_mappings) {
        const std::uint32_t queue = index_by_name(spec.queues, m.queue);
        queues_[queue].mappings.push_back(static_cast<std::uint32_t>(mappings_.size()));
        Mapping mapping{};
        mapping.spec = &m;
        mapping.queue = queue;
        mapping.function = index_by_name(spec.functions, m.function);
        mapping.item_rng = streams.stream(m.name, "batch_items");
        mapping.allowed = std::min(5.0, static_cast<double>(m.max_concurrency.value_or(1000)));
        mappings_.push_back(std::move(mapping));
    }
    for (const TopicSpec& t : spec.topics) {
        TopicRuntime runtime{{}, streams.stream(t.name, "filter")};
        for (const SubscriptionSpec& s : t.subscriptions) {
            const std::uint32_t target = s.kind == SubscriptionSpec::Kind::Function ? index_by_name(spec.functions, s.target)
                                                                                    : index_by_name(spec.queues, s.target);
            const std::int64_t dlq = s.dead_letter_queue.empty() ? -1 : index_by_name(spec.queues, s.dead_letter_queue);
            runtime.subscriptions.push_back({s.kind, target, s.filter_fraction, dlq});
        }
        topics_.push_back(std::move(runtime));
    }

    for (const BucketSpec& b : spec.buckets) {
        // One second's worth of burst, as a prefix that has been quiet can absorb.
        const auto per_prefix = [&b](double rate) {
            const auto burst = static_cast<std::int64_t>(std::ceil(rate));
            return std::vector<TokenBucket>(static_cast<std::size_t>(b.prefixes), TokenBucket::per_second(rate, burst));
        };
        BucketRuntime runtime{per_prefix(b.write_rate_limit_per_second), {}, streams.stream(b.name, "prefixes"),
                              per_prefix(b.read_rate_limit_per_second)};
        for (const BucketNotificationSpec& n : b.notifications) {
            std::uint32_t target = 0;
            switch (n.kind) {
            case BucketNotificationSpec::Kind::Function: target = index_by_name(spec.functions, n.target); break;
            case BucketNotificationSpec::Kind::Queue: target = index_by_name(spec.queues, n.target); break;
            case BucketNotificationSpec::Kind::Topic: target = index_by_name(spec.topics, n.target); break;
            }
            runtime.notifications.push_back({n.kind, target});
        }
        buckets_.push_back(std::move(runtime));
    }

    for (const TableSpec& t : spec.tables) {
        const bool provisioned = t.mode == CapacityMode::Provisioned;
        const auto per_partition = [](double units) {
            return TokenBucket::per_second(units, static_cast<std::int64_t>(units));
        };
        tables_.push_back({provisioned ? TableCapacity::provisioned(t.read_capacity_per_second, t.burst)
                                       : TableCapacity::on_demand(t.initial_read_per_second, t.max_read_per_second),
                           provisioned ? TableCapacity::provisioned(t.write_capacity_per_second, t.burst)
                                       : TableCapacity::on_demand(t.initial_write_per_second, t.max_write_per_second),
                           per_partition(aws_limits::kPartitionReadUnitsPerSecond),
                           per_partition(aws_limits::kPartitionWriteUnitsPerSecond), t.hot_key_share,
                           streams.stream(t.name, "hot_key")});
    }
    for (std::size_t i = 0; i < spec.functions.size(); ++i) {
        const FunctionSpec& f = spec.functions[i];
        CallPlan plan;
        // `when: before` calls first (in their written order), then the handler, then the rest.
        for (const bool before : {true, false}) {
            if (!before) plan.handler_step = plan.steps.size();
            for (std::size_t k = 0; k < f.calls.size(); ++k) {
                const CallSpec& c = f.calls[k];
                if (c.before_handler != before) continue;
                std::uint32_t target = 0;
                switch (c.kind) {
                case CallSpec::Kind::BucketPut:
                case CallSpec::Kind::BucketGet: target = index_by_name(spec.buckets, c.target); break;
                case CallSpec::Kind::TableWrite:
                case CallSpec::Kind::TableRead: target = index_by_name(spec.tables, c.target); break;
                case CallSpec::Kind::Publish: target = index_by_name(spec.topics, c.target); break;
                case CallSpec::Kind::Send: target = index_by_name(spec.queues, c.target); break;
                case CallSpec::Kind::Invoke: target = index_by_name(spec.functions, c.target); break;
                }
                const std::string call = "call_" + std::to_string(k);
                plan.steps.push_back({&c, target, Distribution(c.latency), Distribution(c.payload),
                                      streams.stream(f.name, call + "_latency"), streams.stream(f.name, call + "_retry"),
                                      streams.stream(f.name, call + "_payload")});
            }
        }
        recorder_.function(i).has_calls = !plan.empty();
        call_plans_.push_back(std::move(plan));
    }

    for (const FunctionSpec& f : spec.functions) {
        const DestinationSpec& d = f.async.on_failure;
        ResolvedDestination resolved{d.kind, 0};
        if (d.kind == DestinationSpec::Kind::Queue) resolved.index = index_by_name(spec.queues, d.name);
        if (d.kind == DestinationSpec::Kind::Topic) resolved.index = index_by_name(spec.topics, d.name);
        on_failure_.push_back(resolved);
    }

    sources_.reserve(spec.traffic.size());
    for (const TrafficSourceSpec& t : spec.traffic) {
        std::uint32_t function = 0, target = 0;
        switch (t.target.kind) {
        case TargetSpec::Kind::Function: function = index_by_name(spec.functions, t.target.function); break;
        case TargetSpec::Kind::Queue: target = index_by_name(spec.queues, t.target.name); break;
        case TargetSpec::Kind::Topic: target = index_by_name(spec.topics, t.target.name); break;
        case TargetSpec::Kind::Bucket: target = index_by_name(spec.buckets, t.target.name); break;
        }
        sources_.push_back(TrafficSource{&t, function, target,
                                         ArrivalProcess(t.arrivals, streams.stream(t.name, "arrivals")),
                                         Distribution(t.payload), streams.stream(t.name, "payload"),
                                         streams.stream(t.name, "retry")});
    }
}

void LambdaModel::start() {
    for (std::uint32_t s = 0; s < sources_.size(); ++s) {
        const SimTime first = sources_[s].arrivals.next();
        if (first != kTimeInfinity) simulator_.schedule_at(first, handler_, Arrival, s);
    }
    for (std::uint32_t f = 0; f < functions_.size(); ++f) {
        const auto& steps = functions_[f].spec->provisioned_concurrency;
        for (std::size_t k = 0; k < steps.size(); ++k) {
            if (steps[k].at == 0) {
                // Provisioned before traffic: initialised and ready at t = 0.
                set_provisioned_level(f, steps[k].level);
                functions_[f].provisioned_step = k;
                add_provisioned_environments(f, steps[k].level);
            } else {
                simulator_.schedule_at(steps[k].at, handler_, ProvisionedChange, f, k);
            }
        }
        update_gauges(f);
    }
}

void LambdaModel::finish(SimTime end, bool interrupted) {
    if (finished_) return;
    finished_ = true;
    close_periods_until(end);
    // The last period is partial. An interrupted run may also have handled events at exactly
    // `end` (a period boundary, or time 0): closing folds every count into the totals.
    if (period_start_ < end || interrupted) recorder_.close_period(period_start_, oldest_message_ages(end));
    period_start_ = end;
}

void LambdaModel::close_periods_until(SimTime now) {
    // Periods close lazily, before the first event at or after their end is handled, so an
    // event at a period boundary counts in the period that starts there.
    while (period_start_ + spec_.metrics_period <= now) {
        const SimTime period_end = period_start_ + spec_.metrics_period;
        recorder_.close_period(period_start_, oldest_message_ages(period_end));
        period_start_ = period_end;
    }
}

void LambdaModel::dispatch(void* self, const Event& event) { static_cast<LambdaModel*>(self)->handle(event); }

void LambdaModel::handle(const Event& event) {
    if (simulator_.now() >= period_start_ + spec_.metrics_period) close_periods_until(simulator_.now());
    const auto function = static_cast<std::uint32_t>(event.subject >> 32);
    const auto environment = static_cast<EnvironmentIndex>(event.subject & 0xFFFFFFFFu);
    switch (static_cast<EventKind>(event.kind)) {
    case Arrival: on_arrival(static_cast<std::uint32_t>(event.subject)); break;
    case RetryAttempt:
        if (request_current(static_cast<std::uint32_t>(event.subject), event.token))
            attempt(static_cast<std::uint32_t>(event.subject));
        break;
    case InvocationEnd: end_invocation(function, environment, static_cast<std::uint32_t>(event.token)); break;
    case GatewayTimeout: {
        const auto request = static_cast<std::uint32_t>(event.subject);
        // API Gateway answers 504 at its integration timeout; the function runs on.
        if (request_current(request, event.token))
            finish_request(request, false, false, static_cast<std::size_t>(FailureReason::GatewayTimeout));
        break;
    }
    case ReclaimEnvironment: reclaim(function, environment, static_cast<std::uint32_t>(event.token)); break;
    case ProvisionedChange: change_provisioned(static_cast<std::uint32_t>(event.subject), event.token); break;
    case ProvisionedReady: provisioned_ready(static_cast<std::uint32_t>(event.subject), event.token); break;
    case AsyncRetry:
        if (async_events_[event.subject].active && async_events_[event.subject].generation == event.token)
            try_async_event(static_cast<std::uint32_t>(event.subject));
        break;
    case MessageVisible: message_visible(function, static_cast<MessageIndex>(environment), event.token != 0); break;
    case BatchReturn:
        if (batches_[event.subject].active && batches_[event.subject].generation == event.token)
            return_batch(static_cast<std::uint32_t>(event.subject));
        break;
    case MappingPoll:
        mappings_[event.subject].poll_pending = false;
        poll(static_cast<std::uint32_t>(event.subject));
        break;
    case CallStep: call_step(function, environment, static_cast<std::uint32_t>(event.token)); break;
    }
}

std::uint32_t LambdaModel::new_request(std::uint32_t source) {
    std::uint32_t index;
    if (!free_requests_.empty()) {
        index = free_requests_.back();
        free_requests_.pop_back();
    } else {
        index = static_cast<std::uint32_t>(requests_.size());
        requests_.emplace_back();
    }
    Request& r = requests_[index];
    r.source = source;
    r.attempts = 0;
    r.active = true;
    r.first_attempt = simulator_.now();
    ++ledger_.started;
    return index;
}

bool LambdaModel::request_current(std::uint32_t request, std::uint64_t generation) const {
    const Request& r = requests_[request];
    return r.active && r.generation == generation;
}

void LambdaModel::on_arrival(std::uint32_t source_index) {
    TrafficSource& source = sources_[source_index];
    const SimTime next = source.arrivals.next();
    if (next != kTimeInfinity) simulator_.schedule_at(std::max(next, simulator_.now()), handler_, Arrival, source_index);

    const double payload = source.payload.sample(source.payload_rng);
    ++recorder_.entry_point(source_index).period.requests;
    const TargetSpec& target = source.spec->target;
    switch (target.kind) {
    case TargetSpec::Kind::Function:
        if (target.invocation == InvocationType::Async) {
            ++recorder_.entry_point(source_index).period.flow.created;
            invoke_async(source.function, source_index, simulator_.now(), payload, false);
            return;
        }
        break;
    case TargetSpec::Kind::Queue:
        ++recorder_.entry_point(source_index).period.flow.created;
        send_message(source.target, source_index, simulator_.now(), false);
        return;
    case TargetSpec::Kind::Topic: publish(source.target, source_index, simulator_.now(), payload, false); return;
    case TargetSpec::Kind::Bucket: put_object(source.target, source_index, simulator_.now()); return;
    }
    const std::uint32_t request = new_request(source_index);
    requests_[request].payload_bytes = payload;
    attempt(request);
}

void LambdaModel::attempt(std::uint32_t request) {
    Request& r = requests_[request];
    TrafficSource& source = sources_[r.source];
    ++r.attempts;
    // Sync request payloads are limited to 6 MB: refused with 413 before using concurrency.
    if (r.payload_bytes > aws_limits::kSyncPayloadLimitBytes) {
        finish_request(request, false, false, static_cast<std::size_t>(FailureReason::RequestTooLarge));
        return;
    }
    const bool via_gateway = source.spec->via_api_gateway && spec_.api_gateway.has_value();
    if (via_gateway && !gateway_bucket_.try_take(simulator_.now())) {
        attempt_throttled(request, ThrottleReason::ApiGatewayThrottled);
        return;
    }
    const Admission admission = admit(source.function);
    if (!admission.admitted) {
        recorder_.throttle(source.function, admission.reason);
        attempt_throttled(request, admission.reason);
        return;
    }
    start_invocation(source.function, admission, OwnerKind::SyncRequest, request, r.generation);
    const Environment& env = functions_[source.function].pool[admission.environment];
    // (A function with service calls does not know its run time yet: kTimeInfinity.)
    if (via_gateway && env.run_time > spec_.api_gateway->integration_timeout)
        simulator_.schedule_in(spec_.api_gateway->integration_timeout, handler_, GatewayTimeout, request, r.generation);
}

void LambdaModel::attempt_throttled(std::uint32_t request, ThrottleReason reason) {
    Request& r = requests_[request];
    TrafficSource& source = sources_[r.source];
    const ClientSpec& client = source.spec->client;
    if (static_cast<int>(r.attempts) >= client.max_attempts) {
        finish_request(request, false, true, static_cast<std::size_t>(reason));
        return;
    }
    const SimTime delay = sdk_backoff(client, static_cast<int>(r.attempts), source.retry_rng);
    ++recorder_.entry_point(r.source).period.retries;
    simulator_.schedule_in(delay, handler_, RetryAttempt, request, r.generation);
}

void LambdaModel::finish_request(std::uint32_t request, bool succeeded, bool throttled, std::size_t reason,
                                 bool forwarded) {
    Request& r = requests_[request];
    EntryPointMetrics& entry = recorder_.entry_point(r.source);
    if (succeeded) {
        ++entry.period.succeeded;
        entry.latency_period.add(to_milliseconds(simulator_.now() - r.first_attempt));
        if (!forwarded) entry.end_to_end_period.add(to_milliseconds(simulator_.now() - r.first_attempt));
    } else if (throttled) {
        ++entry.period.throttled;
        ++entry.period.throttled_by_reason[reason];
    } else {
        ++entry.period.failed;
        ++entry.period.failed_by_reason[reason];
    }
    r.active = false;
    ++r.generation;
    free_requests_.push_back(request);
    ++ledger_.finished;
}

LambdaModel::Admission LambdaModel::admit(std::uint32_t function) {
    FunctionRuntime& f = functions_[function];
    const SimTime now = simulator_.now();
    Admission a;
    auto refuse = [&](ThrottleReason reason) {
        a.reason = reason;
        return a;
    };
    // Reserved concurrency is a hard cap, even while the account has free slots.
    if (f.has_reserved && f.reserved == 0) return refuse(ThrottleReason::ReservedFunctionConcurrentInvocationLimitExceeded);
    // Request-rate caps: 10 x account limit, 10 x reserved (`lambda-concurrency`).
    if (!account_rate_.available(now)) return refuse(ThrottleReason::FunctionInvocationRateLimitExceeded);
    if (f.has_reserved && !f.reserved_rate.available(now))
        return refuse(ThrottleReason::ReservedFunctionInvocationRateLimitExceeded);

    // Provisioned environments first; beyond PC (busy or 10 x PC requests/s) spill over.
    if (f.pool.idle_provisioned() > 0 && f.provisioned_rate.available(now)) {
        a.environment = f.pool.take_idle(true);
        f.provisioned_rate.take();
        a.provisioned = true;
    } else {
        if (f.has_reserved) {
            // Provisioned concurrency is part of the reservation: on demand gets the rest, so
            // provisioned + on-demand never exceed the cap even when idle PC is picked up later.
            const int provisioned = std::max(f.provisioned_level, f.pool.provisioned_count());
            if (f.pool.busy_on_demand() >= f.reserved - provisioned)
                return refuse(ThrottleReason::ReservedFunctionConcurrentInvocationLimitExceeded);
        } else if (unreserved_in_use_ >= unreserved_capacity_) {
            return refuse(ThrottleReason::ConcurrentInvocationLimitExceeded);
        }
        a.environment = f.pool.take_idle(false);
        if (a.environment == kNoEnvironment) {
            // A new environment: limited by the scaling rate (`scaling-behavior`).
            if (!f.scaling->available(now)) return refuse(ThrottleReason::ScalingRateExceeded);
            f.scaling->take();
            a.environment = f.pool.create(false);
            f.pool[a.environment].idle_lifetime = from_seconds(f.idle_lifetime.sample(f.lifetime_rng));
            a.cold = true;
        }
        a.spillover = f.provisioned_level > 0;
        if (!f.has_reserved) ++unreserved_in_use_;
    }
    account_rate_.take();
    if (f.has_reserved) f.reserved_rate.take();
    a.admitted = true;
    return a;
}

void LambdaModel::start_invocation(std::uint32_t function, const Admission& a, OwnerKind owner, std::uint32_t index,
                                   std::uint32_t generation) {
    FunctionRuntime& f = functions_[function];
    const FunctionSpec& s = *f.spec;
    f.pool.mark_busy(a.environment);
    Environment& env = f.pool[a.environment];
    env.owner_kind = static_cast<std::uint8_t>(owner);
    env.request = index;
    env.request_generation = generation;
    env.invocation_start = simulator_.now();

    SimTime init_phase = 0;
    SimTime handler_time = from_seconds(f.duration.sample(f.duration_rng) * f.duration_scale);
    double init_ms = 0;
    if (a.cold) {
        const SimTime init = from_seconds(f.init.sample(f.init_rng) * f.init_scale);
        init_ms = to_milliseconds(init);
        init_phase = init;
        // On-demand init is limited to 10 s; past it, init is retried inside the first invoke,
        // under the function timeout (`lambda-runtime-environment`).
        if (init > aws_limits::kOnDemandInitLimit) {
            init_phase = aws_limits::kOnDemandInitLimit;
            handler_time += init;
        }
    }
    const bool has_calls = !call_plans_[function].empty();
    InvocationOutcome outcome = InvocationOutcome::Success;
    if (handler_time > s.timeout && !has_calls) {
        handler_time = s.timeout;
        outcome = InvocationOutcome::Timeout;
    } else if (s.error_rate > 0 && boost::random::bernoulli_distribution<double>(s.error_rate)(f.error_rng)) {
        outcome = InvocationOutcome::FunctionError;
    }
    env.outcome = static_cast<std::uint8_t>(outcome);
    // Duration in CloudWatch is the handler's time; init is reported separately.
    env.invocation_start = simulator_.now() + init_phase;
    env.forwarded = false;
    env.raised = false;

    ++account_busy_;
    recorder_.invocation_started(function, a.cold, init_ms, a.provisioned, a.spillover);
    update_gauges(function);
    if (has_calls) {
        env.handler_time = handler_time;
        env.run_time = kTimeInfinity;
        begin_call_plan(function, a.environment, init_phase);
        return;
    }
    env.run_time = init_phase + handler_time;
    simulator_.schedule_in(env.run_time, handler_, InvocationEnd, pack(function, a.environment), env.generation);
}

void LambdaModel::end_invocation(std::uint32_t function, EnvironmentIndex index, std::uint32_t generation) {
    FunctionRuntime& f = functions_[function];
    Environment& env = f.pool[index];
    assert(env.busy && env.generation == generation);
    (void)generation;
    const auto outcome = static_cast<InvocationOutcome>(env.outcome);
    f.pool.mark_not_busy(index);
    --account_busy_;
    if (!env.provisioned && !f.has_reserved) --unreserved_in_use_;
    recorder_.invocation_ended(function, to_milliseconds(simulator_.now() - env.invocation_start), outcome);
    const auto owner = static_cast<OwnerKind>(env.owner_kind);
    const std::uint32_t owner_index = env.request;
    const std::uint32_t owner_generation = env.request_generation;
    const bool forwarded = env.forwarded;
    const bool raised = env.raised;

    if (env.provisioned) {
        if (env.retire_when_idle) {
            f.pool.destroy(index);
            refresh_unreserved_capacity();
        } else
            f.pool.make_idle(index);
    } else if (outcome == InvocationOutcome::Timeout) {
        // After a timeout Lambda resets the environment: the next request starts cold.
        f.pool.destroy(index);
    } else {
        f.pool.make_idle(index);
        env.idle_since = simulator_.now();
        if (!env.reclaim_scheduled) {
            env.reclaim_scheduled = true;
            simulator_.schedule_in(env.idle_lifetime, handler_, ReclaimEnvironment, pack(function, index), env.generation);
        }
    }
    update_gauges(function);
    // Last: the owner may start new invocations (a mapping polls again), which can grow the
    // pool and invalidate `env`; by now this environment is idle and can serve them.
    finish_invocation_for(owner, owner_index, owner_generation, outcome, forwarded, raised);
}

void LambdaModel::finish_invocation_for(OwnerKind owner, std::uint32_t index, std::uint32_t generation,
                                        InvocationOutcome outcome, bool forwarded, bool raised) {
    switch (owner) {
    case OwnerKind::SyncRequest:
        if (request_current(index, generation)) {
            const bool ok = outcome == InvocationOutcome::Success;
            const auto reason = outcome == InvocationOutcome::Timeout ? FailureReason::Timeout : FailureReason::FunctionError;
            finish_request(index, ok, false, ok ? kNoReason : static_cast<std::size_t>(reason), forwarded);
        }
        break;
    case OwnerKind::AsyncEvent:
        if (async_events_[index].active && async_events_[index].generation == generation) async_event_ended(index, outcome, forwarded);
        break;
    case OwnerKind::Batch:
        if (batches_[index].active && batches_[index].generation == generation) batch_ended(index, outcome, forwarded, raised);
        break;
    }
}

void LambdaModel::reclaim(std::uint32_t function, EnvironmentIndex index, std::uint32_t generation) {
    FunctionRuntime& f = functions_[function];
    Environment& env = f.pool[index];
    if (!env.alive || env.generation != generation) return;  // the slot was reused meanwhile
    env.reclaim_scheduled = false;
    if (env.busy) return;  // it schedules a new reclaim when it next goes idle
    const SimTime due = env.idle_since + env.idle_lifetime;
    if (simulator_.now() >= due) {
        f.pool.destroy(index);
        return;
    }
    // Used again since this was scheduled: check again when its current idle period expires.
    env.reclaim_scheduled = true;
    simulator_.schedule_at(due, handler_, ReclaimEnvironment, pack(function, index), env.generation);
}

void LambdaModel::set_provisioned_level(std::uint32_t function, int level) {
    FunctionRuntime& f = functions_[function];
    f.provisioned_level = level;
    f.provisioned_rate = level > 0 ? rate_cap(level) : TokenBucket(0, 0, 1);
    refresh_unreserved_capacity();
}

void LambdaModel::refresh_unreserved_capacity() {
    // Provisioned concurrency of an unreserved function is taken from the unreserved pool: the
    // level configured, or the environments still alive while a lowered level drains.
    unreserved_provisioned_ = 0;
    for (const FunctionRuntime& f : functions_)
        if (!f.has_reserved) unreserved_provisioned_ += std::max(f.provisioned_level, f.pool.provisioned_count());
    unreserved_capacity_ = spec_.account.concurrency_limit - reserved_total_ - unreserved_provisioned_;
}

void LambdaModel::add_provisioned_environments(std::uint32_t function, int target) {
    FunctionRuntime& f = functions_[function];
    while (f.pool.provisioned_count() < target) f.pool.make_idle(f.pool.create(true));
}

void LambdaModel::change_provisioned(std::uint32_t function, std::size_t step) {
    FunctionRuntime& f = functions_[function];
    const int level = f.spec->provisioned_concurrency[step].level;
    set_provisioned_level(function, level);
    f.provisioned_step = step;
    f.pool.shrink_provisioned_to(level);  // also cancels retirements when the level rises
    refresh_unreserved_capacity();
    if (level <= f.pool.provisioned_count()) {
        update_gauges(function);
        return;
    }
    // Allocation starts after a preparation delay, proceeds at up to 6,000 environments per
    // minute, and none is usable until the whole amount is ready.
    const int missing = level - f.pool.provisioned_count();
    const SimTime allocation =
        from_seconds(60.0 * missing / static_cast<double>(f.spec->provisioned_allocation_per_minute));
    simulator_.schedule_in(f.spec->provisioned_allocation_delay + allocation, handler_, ProvisionedReady, function, step);
    update_gauges(function);
}

void LambdaModel::provisioned_ready(std::uint32_t function, std::size_t step) {
    FunctionRuntime& f = functions_[function];
    if (f.provisioned_step != step) return;  // superseded by a later change
    add_provisioned_environments(function, f.provisioned_level);
}

void LambdaModel::update_gauges(std::uint32_t function) {
    const SimTime now = simulator_.now();
    FunctionMetrics& m = recorder_.function(function);
    const FunctionRuntime& f = functions_[function];
    m.concurrency.set(f.pool.busy(), now);
    m.provisioned_busy.set(f.pool.busy_provisioned(), now);
    AccountMetrics& account = recorder_.account();
    account.concurrency.set(account_busy_, now);
    account.unreserved.set(unreserved_in_use_, now);
    account.claimed.set(unreserved_in_use_ + reserved_total_ + unreserved_provisioned_, now);
}

}  // namespace lambdasim
