import { Args, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '../../common/request-context';
import { MemberRole } from '../identity/membership.entity';
import { OrganisationService } from '../identity/organisation.service';
import { PaymentsService } from './payments.service';

@ObjectType('BankAccount', { description: '收款账户（对公转账）/ Where a seller receives bank transfers' })
@InputType('BankAccountInput')
export class BankAccountModel {
  @Field()
  accountName!: string;

  @Field()
  bankName!: string;

  @Field()
  accountNumber!: string;
}

@Resolver()
export class PaymentsResolver {
  constructor(
    private readonly payments: PaymentsService,
    private readonly organisations: OrganisationService,
  ) {}

  @Query(() => BankAccountModel, { nullable: true, description: 'The seller’s account, for its members' })
  async bankAccount(@Ctx() ctx: RequestContext, @Args('organisationId', { type: () => ID }) organisationId: string): Promise<BankAccountModel | null> {
    await this.organisations.requireRoleOrAdmin(ctx, organisationId, MemberRole.STAFF);
    return this.payments.bankAccount(organisationId);
  }

  @Mutation(() => BankAccountModel)
  setBankAccount(
    @Ctx() ctx: RequestContext,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('input') input: BankAccountModel,
  ): Promise<BankAccountModel> {
    return this.payments.setBankAccount(ctx, organisationId, input);
  }
}
