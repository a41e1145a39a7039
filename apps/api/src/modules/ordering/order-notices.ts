import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { formatFen } from '@xiangnong/domain';
import type { StoredEvent } from '../events/domain-events';
import { JobRegistry } from '../events/job-registry';
import { MemberRole } from '../identity/membership.entity';
import { OrganisationService } from '../identity/organisation.service';
import { LogisticsService } from '../logistics/logistics.service';
import type { NotificationMessage } from '../notifications/notification-kinds';
import { NotificationService } from '../notifications/notification.service';

type Moved = StoredEvent<'order.transitioned'>;

/** What the buyer reads about a move of their order, or null when it is their own doing. */
export function buyerMessage(event: Moved): NotificationMessage | null {
  const { number, action, actor, note, orderId } = event.payload;
  const link = `/orders/${orderId}`;
  const say = (titleZh: string, titleEn: string, bodyZh = '', bodyEn = ''): NotificationMessage => ({ kind: 'order-buyer', titleZh, titleEn, bodyZh, bodyEn, link });
  switch (action) {
    case 'pay':
    case 'reinstate':
      return say(`订单 ${number} 已确认收款`, `Payment received for order ${number}`);
    case 'ship':
      return say(`订单 ${number} 已发货`, `Order ${number} has shipped`);
    case 'arrive-at-station':
      return say(`订单 ${number} 已到服务站`, `Order ${number} is at the service station`, '请在订单页查看取件码后前往取件。', 'Open the order for your pickup code and collect it.');
    case 'deliver':
      return say(`订单 ${number} 已送达`, `Order ${number} was delivered`, '收到货后请确认收货。', 'Please confirm receipt.');
    case 'expire':
      return say(`订单 ${number} 超时未付款，已取消`, `Order ${number} was cancelled: not paid in time`);
    case 'cancel':
      return actor === 'BUYER' ? null : say(`订单 ${number} 被卖家取消`, `The seller cancelled order ${number}`, `原因：${note ?? ''}`, `Reason: ${note ?? ''}`);
    case 'approve-refund':
      return say(`订单 ${number} 退款已同意`, `Refund approved for order ${number}`);
    case 'decline-refund':
      return say(`订单 ${number} 退款被拒绝`, `Refund declined for order ${number}`, note ?? '', note ?? '');
    case 'auto-confirm':
      return say(`订单 ${number} 已自动确认收货`, `Order ${number} was confirmed automatically`);
    default:
      return null;
  }
}

/** What the seller's members read, or null. */
export function sellerMessage(event: Moved): NotificationMessage | null {
  const { number, action, actor, note } = event.payload;
  const link = `/console/orders?org=${event.payload.sellerId}`;
  const say = (titleZh: string, titleEn: string, bodyZh = '', bodyEn = ''): NotificationMessage => ({ kind: 'order-seller', titleZh, titleEn, bodyZh, bodyEn, link });
  switch (action) {
    case 'cancel':
      return actor === 'BUYER' ? say(`买家取消了订单 ${number}`, `The buyer cancelled order ${number}`, `原因：${note ?? ''}，库存已退回。`, `Reason: ${note ?? ''}. The stock is back.`) : null;
    case 'expire':
      return say(`订单 ${number} 超时未付款，已取消`, `Order ${number} expired unpaid`, '库存已退回。', 'The stock is back.');
    case 'hand-over':
      return say(`订单 ${number} 买家已取件`, `The buyer collected order ${number}`);
    case 'confirm-receipt':
    case 'auto-confirm':
      return say(`订单 ${number} 已完成`, `Order ${number} is complete`);
    case 'request-refund':
      return say(`订单 ${number} 买家申请退款`, `The buyer asks a refund for order ${number}`, `原因：${note ?? ''}`, `Reason: ${note ?? ''}`);
    default:
      return null;
  }
}

/**
 * Tells sellers of new orders, buyers of their orders' progress and station operators of parcels
 * on their way, as notifications written in the handler's transaction (at least once, in effect once).
 */
@Injectable()
export class OrderNotices implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly notifications: NotificationService,
    private readonly organisations: OrganisationService,
    private readonly logistics: LogisticsService,
  ) {}

  onModuleInit(): void {
    // a busy hour brings many orders at once: one query for their sellers' members, one insert for the notices
    this.jobs.onBatch('notify-order-placed', ['order.placed'], (events, em) => this.ordersPlaced(events, em));
    this.jobs.on('notify-order-moved', ['order.transitioned'], (event, em) => this.orderMoved(event, em));
  }

  private async ordersPlaced(events: StoredEvent<'order.placed'>[], em: EntityManager): Promise<void> {
    const members = await this.organisations.memberIdsOf(events.map((e) => e.payload.sellerId), MemberRole.STAFF, em);
    await this.notifications.notifyEach(
      em,
      events.flatMap(({ payload: { number, sellerId, totalFen, paymentMethod } }) => {
        const cod = paymentMethod === 'CASH_ON_DELIVERY';
        const message: NotificationMessage = {
          kind: 'order-seller',
          titleZh: `新订单 ${number}（${formatFen(totalFen)}）`,
          titleEn: `New order ${number} (${formatFen(totalFen)})`,
          bodyZh: cod ? '货到付款，请尽快发货。' : '等待买家付款。',
          bodyEn: cod ? 'Cash on delivery: please ship soon.' : 'Waiting for the buyer to pay.',
          link: `/console/orders?org=${sellerId}`,
        };
        return (members.get(sellerId) ?? []).map((userId) => ({ userId, message }));
      }),
    );
  }

  private async orderMoved(event: Moved, em: EntityManager): Promise<void> {
    const forBuyer = buyerMessage(event);
    if (forBuyer) await this.notifications.notify(em, [event.payload.buyerId], forBuyer);
    const forSeller = sellerMessage(event);
    if (forSeller) await this.notifications.notify(em, await this.organisations.memberIds(event.payload.sellerId, MemberRole.STAFF, em), forSeller);
    if (event.payload.action === 'ship' && event.payload.stationId) {
      const [station] = await this.logistics.stationsByIds([event.payload.stationId], em);
      if (station) {
        await this.notifications.notify(em, await this.organisations.memberIds(station.organisationId, MemberRole.STAFF, em), {
          kind: 'order-station',
          titleZh: `包裹 ${event.payload.number} 正在送往${station.name}`,
          titleEn: `Parcel ${event.payload.number} is on its way to ${station.name}`,
          bodyZh: '到站后请在服务站页面登记到站。',
          bodyEn: 'Mark it arrived on the station page when it comes.',
          link: `/station?org=${station.organisationId}`,
        });
      }
    }
  }
}
